using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Testing;

/// <summary>
/// Stands in for the Bot Connector service (smba.trafficmanager.net): answers the v3 REST routes as
/// Teams does, records every request, and can be told to fail with a sequence of statuses first.
/// </summary>
public sealed class FakeBotConnector : LoopbackServer
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Queue<ScriptedFailure> _failures = new();
    private readonly Lock _failuresLock = new();
    private volatile Storm? _storm;
    private int _nextId;

    public static async Task<FakeBotConnector> StartAsync()
    {
        var connector = new FakeBotConnector();
        await connector.StartAsync(app => app.Map("/{**path}", connector.HandleAsync));
        return connector;
    }

    /// <summary>The service URL as Teams sends it in activities (with a trailing slash).</summary>
    public string ServiceUrl => BaseUrl.AbsoluteUri;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>
    /// The next requests are answered with these statuses, in order (e.g. 429, 502), before normal answers resume;
    /// with <paramref name="path"/>, only the requests to that path (others, such as card updates in the background, pass).
    /// </summary>
    public void FailNext(int status, int times = 1, string? retryAfter = null, string? path = null)
    {
        lock (_failuresLock)
        {
            for (var i = 0; i < times; i++)
                _failures.Enqueue(new ScriptedFailure(status, retryAfter, path));
        }
    }

    public void Clear() => _requests.Clear();

    /// <summary>
    /// Until <see cref="EndStorm"/>, answers this share of requests (0–1, drawn at random) with <paramref name="status"/>, as Teams
    /// does when it throttles (429, with Retry-After when given) or its gateway fails (502).
    /// </summary>
    public void BeginStorm(int status, double share, string? retryAfter = null) => _storm = new Storm(status, share, retryAfter);

    public void EndStorm() => _storm = null;

    /// <summary>Which requests keep their body in <see cref="Requests"/> (all by default); a long run keeps what it checks, not every card.</summary>
    public Func<string, string, bool> KeepsBody { get; set; } = (_, _) => true;

    /// <summary>How long each answer takes after the request is recorded (a slow Teams, for in-flight turns).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Answers wait, after the request is recorded, until this completes: a turn held in flight for exactly as long as a test needs.</summary>
    public Task Held { get; set; } = Task.CompletedTask;

    /// <summary>Waits (bounded) until a request matching the predicate has arrived.</summary>
    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = _requests.FirstOrDefault(match);
            if (found is not null)
                return found;
            try
            {
                await Task.Delay(20, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching connector request; saw: {string.Join(", ", _requests.Select(r => $"{r.Method} {r.Path} → {r.Status}"))}");
            }
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = http.Request.Path.Value ?? "";
        var unescaped = Uri.UnescapeDataString(path);
        var failure = NextFailure(unescaped)
            ?? (_storm is { } storm && Random.Shared.NextDouble() < storm.Share ? new ScriptedFailure(storm.Status, storm.RetryAfter, null) : null);
        var status = failure?.Status ?? StatusFor(http.Request.Method, path);
        var kept = KeepsBody(http.Request.Method, unescaped) ? body : "";
        _requests.Enqueue(new RecordedRequest(http.Request.Method, unescaped, http.Request.Headers.Authorization.ToString(), kept, status));
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay);
        await Held;
        http.Response.StatusCode = status;
        if (failure?.RetryAfter is { } after)
            http.Response.Headers.RetryAfter = after;
        if (status >= 400)
        {
            await http.Response.WriteAsJsonAsync(new { error = new { code = status == 429 ? "TooManyRequests" : "ServiceError", message = "scripted failure" } });
            return;
        }
        var id = $"1{Interlocked.Increment(ref _nextId):D12}";
        if (http.Request.Method == "GET")
        {
            await http.Response.WriteAsJsonAsync(new[]
            {
                new { id = "29:user-id-0", name = "Alex Wilber", aadObjectId = "00000000-0000-0000-0000-0000000000020" },
                new { id = "29:user-id-1", name = "Megan Bowen", aadObjectId = "00000000-0000-0000-0000-0000000000021" },
            });
        }
        else if (path.EndsWith("/v3/conversations", StringComparison.Ordinal))
            await http.Response.WriteAsJsonAsync(new { id = $"19:new@thread.tacv2;messageid={id}", activityId = id });
        else
            await http.Response.WriteAsJsonAsync(new { id });
    }

    private ScriptedFailure? NextFailure(string path)
    {
        lock (_failuresLock)
        {
            if (!_failures.TryPeek(out var next) || next.Path is { } only && only != path)
                return null;
            return _failures.Dequeue();
        }
    }

    private static int StatusFor(string method, string path) => method switch
    {
        "POST" => 201,
        "DELETE" => 200,
        _ when path.Contains("/v3/", StringComparison.Ordinal) => 200,
        _ => 404,
    };

    private sealed record ScriptedFailure(int Status, string? RetryAfter, string? Path);

    private sealed record Storm(int Status, double Share, string? RetryAfter);
}

/// <summary>One request the fake connector received, with the status it answered.</summary>
public sealed record RecordedRequest(string Method, string Path, string Authorization, string Body, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
