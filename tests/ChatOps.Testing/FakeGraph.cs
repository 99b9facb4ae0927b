using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Testing;

/// <summary>
/// Stands in for Microsoft Graph: channel creation (POST /v1.0/teams/{team}/channels, names unique per team, 409 otherwise)
/// and activity-feed notifications (POST /v1.0/users/{user}/teamwork/sendActivityNotification: topic, activityType and
/// previewText required, 204).
/// </summary>
public sealed class FakeGraph : LoopbackServer
{
    private readonly ConcurrentDictionary<(string Team, string Name), string> _channels = new();

    public static async Task<FakeGraph> StartAsync()
    {
        var graph = new FakeGraph();
        await graph.StartAsync(app =>
        {
            app.MapPost("/v1.0/teams/{team}/channels", graph.CreateAsync);
            app.MapPost("/v1.0/users/{user}/teamwork/sendActivityNotification", graph.NotifyAsync);
        });
        return graph;
    }

    public Uri GraphBase => new(BaseUrl, "v1.0/");

    public IReadOnlyCollection<(string Team, string Name)> Channels => [.. _channels.Keys];

    /// <summary>Activity-feed notifications received: the user and the preview text.</summary>
    public ConcurrentQueue<(string User, string Preview)> Notifications { get; } = new();

    /// <summary>The next create answers with this status (e.g. 403 when consent is missing).</summary>
    public int? FailNextWith { get; set; }

    public string? LastAuthorization { get; private set; }

    private async Task<IResult> NotifyAsync(string user, HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var root = body.RootElement;
        if (!root.TryGetProperty("topic", out var topic) || !topic.TryGetProperty("source", out _) || !root.TryGetProperty("activityType", out _) ||
            !root.TryGetProperty("previewText", out var preview) || !preview.TryGetProperty("content", out var content))
        {
            return Results.Json(new { error = new { code = "BadRequest", message = "topic, activityType and previewText are required" } }, statusCode: 400);
        }
        Notifications.Enqueue((user, content.GetString() ?? ""));
        return Results.NoContent();
    }

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
