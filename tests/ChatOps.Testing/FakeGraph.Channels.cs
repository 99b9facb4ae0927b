using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Testing;

public sealed partial class FakeGraph
{
    private readonly ConcurrentDictionary<string, FakeChannel> _byId = new();
    private readonly ConcurrentDictionary<GraphOperation, ConcurrentQueue<(int Status, string? RetryAfter)>> _failures = new();
    private readonly ConcurrentQueue<GraphRequest> _received = new();
    private readonly Lock _names = new();

    /// <summary>Channels per page of a list, small enough that tests cross pages.</summary>
    public int PageSize { get; set; } = 100;

    public IReadOnlyList<GraphRequest> Received => [.. _received];

    public FakeChannel? Channel(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Gives the team <paramref name="count"/> more channels, as a long-used team has.</summary>
    public void AddChannels(string team, int count)
    {
        for (var i = 0; i < count; i++)
            TryAdd(team, $"19:{Guid.NewGuid():N}@thread.tacv2", $"Filler {Guid.NewGuid():N}"[..30]);
    }

    /// <summary>The next <paramref name="times"/> requests of the operation are answered with this status (and Retry-After, if given).</summary>
    public void FailNext(GraphOperation operation, int status, string? retryAfter = null, int times = 1)
    {
        var queue = _failures.GetOrAdd(operation, _ => new());
        for (var i = 0; i < times; i++)
            queue.Enqueue((status, retryAfter));
    }

    private void MapChannels(WebApplication app)
    {
        app.MapGet("/v1.0/teams/{team}/channels/{channel}", (string team, string channel, HttpContext http) =>
            Answer(GraphOperation.Read, http, () => Find(team, channel) is { } c ? Results.Json(new { id = c.Id, displayName = c.DisplayName, membershipType = "standard" }) : NotFound()));
        app.MapMethods("/v1.0/teams/{team}/channels/{channel}", ["PATCH"], async (string team, string channel, HttpContext http) =>
        {
            string? name = null;
            if (http.Request.HasJsonContentType())
            {
                using var body = await JsonDocument.ParseAsync(http.Request.Body);
                name = body.RootElement.TryGetProperty("displayName", out var n) ? n.GetString() : null;
            }
            return Answer(GraphOperation.Rename, http, () => Rename(team, channel, name));
        });
        app.MapPost("/v1.0/teams/{team}/channels/{channel}/archive", (string team, string channel, HttpContext http) =>
            Answer(GraphOperation.Archive, http, () => Archive(team, channel)));
        app.MapGet("/v1.0/teams/{team}/channels", (string team, HttpContext http) => Answer(GraphOperation.List, http, () => List(team, http, "channels")));
        app.MapGet("/v1.0/teams/{team}/allChannels", (string team, HttpContext http) => Answer(GraphOperation.List, http, () => List(team, http, "allChannels")));
    }

    private IResult Answer(GraphOperation operation, HttpContext http, Func<IResult> answer)
    {
        _received.Enqueue(new GraphRequest(operation, http.Request.Method, http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? ""));
        if (!_failures.TryGetValue(operation, out var queue) || !queue.TryDequeue(out var failure))
            return answer();
        if (failure.RetryAfter is not null)
            http.Response.Headers.RetryAfter = failure.RetryAfter;
        return Error(failure.Status, failure.Status == 429 ? "TooManyRequests" : "Forbidden", "scripted");
    }

    private IResult Rename(string team, string channel, string? name)
    {
        if (name is null || !IsValidName(name))
            return Error(400, "BadRequest", "invalid displayName");
        lock (_names)
        {
            if (Find(team, channel) is not { } c)
                return NotFound();
            if (c.Archived)
                return Error(400, "BadRequest", "Channel is archived and can't be updated.");
            if (_channels.TryGetValue((team, name.ToUpperInvariant()), out var holder) && holder != c.Id)
                return Error(409, "NameAlreadyExists", "Channel name already existed");
            _channels.TryRemove((team, c.DisplayName.ToUpperInvariant()), out _);
            _channels[(team, name.ToUpperInvariant())] = c.Id;
            c.DisplayName = name;
            return Results.NoContent();
        }
    }

    private IResult Archive(string team, string channel)
    {
        lock (_names)
        {
            if (Find(team, channel) is not { } c)
                return NotFound();
            // Not on the archive page: Graph's answer for a channel already archived, as the bot expects it.
            if (c.Archived)
                return Error(400, "BadRequest", "Channel is already archived.");
            c.Archived = true;
            return new Accepted($"/teams/{team}/operations/{Guid.NewGuid()}");
        }
    }

    private IResult List(string team, HttpContext http, string collection)
    {
        var all = _byId.Values.Where(c => c.Team == team).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var skip = int.TryParse(http.Request.Query["$skiptoken"], out var s) ? s : 0;
        var page = all.Skip(skip).Take(PageSize).Select(c => new { id = c.Id, displayName = c.DisplayName, membershipType = "standard" }).ToList();
        if (skip + PageSize >= all.Count)
            return Results.Json(new { value = page });
        // Like Graph's, the link keeps the request's own query ($select…) and adds an opaque token.
        var query = http.Request.Query.Where(q => q.Key != "$skiptoken").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").Append($"$skiptoken={skip + PageSize}");
        var next = new Uri(GraphBase, $"teams/{Uri.EscapeDataString(team)}/{collection}?{string.Join('&', query)}");
        return Results.Json(new Dictionary<string, object> { ["value"] = page, ["@odata.nextLink"] = next.AbsoluteUri });
    }

    private FakeChannel? Find(string team, string id) => _byId.TryGetValue(id, out var c) && c.Team == team ? c : null;

    private bool TryAdd(string team, string id, string name)
    {
        lock (_names)
        {
            if (!_channels.TryAdd((team, name.ToUpperInvariant()), id))
                return false;
            _byId[id] = new FakeChannel(team, id, name);
            return true;
        }
    }

    private static IResult NotFound() => Error(404, "NotFound", "No such channel in this team.");

    /// <summary>202 Accepted with the Location of the teamsAsyncOperation and an empty body, as the archive page shows.</summary>
    private sealed class Accepted(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = 202;
            http.Response.Headers.Location = location;
            http.Response.ContentType = "text/plain";
            return Task.CompletedTask;
        }
    }
}
