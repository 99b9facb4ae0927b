using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Testing;

/// <summary>
/// Stands in for Microsoft Graph: channel creation (POST /v1.0/teams/{team}/channels, names unique per team, 409 otherwise),
/// the channel operations in FakeGraph.Channels.cs, and activity-feed notifications (POST
/// /v1.0/users/{user}/teamwork/sendActivityNotification: topic, activityType and previewText required, 204).
/// </summary>
public sealed partial class FakeGraph : LoopbackServer
{
    private const string ForbiddenInNames = "~#%&*{}+/\\:<>?|'\",";
    private readonly ConcurrentDictionary<(string Team, string Name), string> _channels = new();

    public static async Task<FakeGraph> StartAsync()
    {
        var graph = new FakeGraph();
        await graph.StartAsync(app =>
        {
            app.MapPost("/v1.0/teams/{team}/channels", graph.CreateAsync);
            graph.MapChannels(app);
            app.MapPost("/v1.0/users/{user}/teamwork/sendActivityNotification", graph.NotifyAsync);
        });
        return graph;
    }

    public Uri GraphBase => new(BaseUrl, "v1.0/");

    /// <summary>The channels by team and upper-cased name (Teams compares names case-insensitively).</summary>
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
            return Error(status, "Forbidden", "scripted");
        }
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var name = body.RootElement.GetProperty("displayName").GetString()!;
        if (!IsValidName(name))
            return Error(400, "BadRequest", "invalid displayName");
        var id = $"19:{Guid.NewGuid():N}@thread.tacv2";
        if (!TryAdd(team, id, name))
            return Error(409, "NameAlreadyExists", "Channel name already existed");
        return Results.Json(new { id, displayName = name, membershipType = "standard" }, statusCode: 201);
    }

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= 50 && name.IndexOfAny(ForbiddenInNames.ToCharArray()) < 0 && !name.Contains("..", StringComparison.Ordinal);

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
