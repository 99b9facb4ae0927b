using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Testing;

/// <summary>Stands in for Microsoft Graph's channel creation: POST /v1.0/teams/{team}/channels, names unique per team (409 otherwise).</summary>
public sealed class FakeGraph : LoopbackServer
{
    private readonly ConcurrentDictionary<(string Team, string Name), string> _channels = new();

    public static async Task<FakeGraph> StartAsync()
    {
        var graph = new FakeGraph();
        await graph.StartAsync(app => app.MapPost("/v1.0/teams/{team}/channels", graph.CreateAsync));
        return graph;
    }

    public Uri GraphBase => new(BaseUrl, "v1.0/");

    public IReadOnlyCollection<(string Team, string Name)> Channels => [.. _channels.Keys];

    /// <summary>The next create answers with this status (e.g. 403 when consent is missing).</summary>
    public int? FailNextWith { get; set; }

    public string? LastAuthorization { get; private set; }

    private async Task<IResult> CreateAsync(string team, HttpContext http)
    {
        LastAuthorization = http.Request.Headers.Authorization.ToString();
        if (FailNextWith is { } status)
        {
            FailNextWith = null;
            return Results.Json(new { error = new { code = "Forbidden", message = "scripted" } }, statusCode: status);
        }
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var name = body.RootElement.GetProperty("displayName").GetString()!;
        if (name.Length > 50 || name.IndexOfAny("~#%&*{}+/\\:<>?|'\"".ToCharArray()) >= 0)
            return Results.Json(new { error = new { code = "BadRequest", message = "invalid displayName" } }, statusCode: 400);
        var id = $"19:{Guid.NewGuid():N}@thread.tacv2";
        return _channels.TryAdd((team, name.ToUpperInvariant()), id)
            ? Results.Json(new { id, displayName = name, membershipType = "standard" }, statusCode: 201)
            : Results.Json(new { error = new { code = "NameAlreadyExists", message = "Channel name already existed" } }, statusCode: 409);
    }
}
