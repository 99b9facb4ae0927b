using System.Net;
using System.Net.Http.Headers;
using ChatOps.Bot.Protocol.Connector;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Protocol.Connector;

/// <summary>A fake Bot Connector at the bottom of the pipeline: answers from a script and records every attempt.</summary>
internal sealed class ScriptedConnector(FakeTimeProvider time, params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] script)
    : HttpMessageHandler
{
    private readonly DateTimeOffset _start = time.GetUtcNow();
    private readonly List<Attempt> _attempts = [];

    public IReadOnlyList<Attempt> Attempts
    {
        get { lock (_attempts) return [.. _attempts]; }
    }

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer(
        HttpStatusCode status, TimeSpan? retryAfter = null, string body = """{"id":"1"}""") => (_, _) =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
        if (retryAfter is { } delta)
            response.Headers.RetryAfter = new RetryConditionHeaderValue(delta);
        return Task.FromResult(response);
    };

    /// <summary>Never answers: only the attempt's cancellation ends it.</summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hang() => async (_, ct) =>
    {
        var never = new TaskCompletionSource<HttpResponseMessage>();
        using var registration = ct.Register(() => never.TrySetCanceled(ct));
        return await never.Task;
    };

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Fail() =>
        (_, _) => throw new HttpRequestException("Connection reset by peer");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(ct);
        request.Options.TryGetValue(ConnectorRequest.ConversationId, out var conversationId);
        int index;
        lock (_attempts)
        {
            index = _attempts.Count;
            _attempts.Add(new Attempt(time.GetUtcNow() - _start, request.Method, request.RequestUri, body,
                request.Content?.Headers.ContentType?.MediaType, request.Headers.Authorization, conversationId));
        }
        // Past the end of the script, the last step repeats.
        return await script[Math.Min(index, script.Length - 1)](request, ct);
    }
}

internal sealed record Attempt(
    TimeSpan At, HttpMethod Method, Uri? Uri, byte[]? Body, string? ContentType, AuthenticationHeaderValue? Authorization, string? ConversationId);
