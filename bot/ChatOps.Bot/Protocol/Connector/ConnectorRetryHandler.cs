using System.Net;
using ChatOps.Bot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Protocol.Connector;

/// <summary>
/// Retries what Teams documents as transient (429, 412, 502, 504) and transport failures, waiting per
/// <see cref="ConnectorBackoff"/>; after MaxRetries the last response goes back to the caller as is.
/// </summary>
internal sealed class ConnectorRetryHandler(
    IOptions<ConnectorOptions> options, ConnectorBackoff backoff, TimeProvider time, ChatOpsMetrics metrics, ILogger<ConnectorRetryHandler> log) : DelegatingHandler
{
    /// <summary>Which answers are transient: Teams' own by default; Microsoft Graph names others (see GraphRetries).</summary>
    public Func<HttpStatusCode, bool> Retried { get; init; } = IsRetried;

    /// <summary>Whom the retries and 429s are counted against in the metrics.</summary>
    public string Target { get; init; } = "connector";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var maxRetries = options.Value.MaxRetries;
        // A request message can be sent only once: every attempt sends a copy of these bytes.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(ct);
        // `retry` numbers the retry that follows if this attempt fails.
        for (var retry = 1; ; retry++)
        {
            var attempt = Copy(request, body);
            HttpResponseMessage response;
            TimeSpan delay;
            try
            {
                response = await base.SendAsync(attempt, ct);
            }
            catch (Exception e) when (retry <= maxRetries && IsTransient(e, ct))
            {
                attempt.Dispose();
                delay = backoff.Jittered(retry);
                metrics.Retry(Target, status: null, e.GetType().FullName);
                log.LogWarning(e, "Connector {Method} {Path} failed in transport; retry {Retry} of {MaxRetries} in {Delay}",
                    request.Method, Path(request), retry, maxRetries, delay);
                await Task.Delay(delay, time, ct);
                continue;
            }
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                metrics.Throttled(Target);
            if (retry > maxRetries || !Retried(response.StatusCode) || backoff.Before(retry, response.Headers.RetryAfter) is not { } wait)
                return response;
            delay = wait;
            metrics.Retry(Target, (int)response.StatusCode);
            log.LogWarning("Connector {Method} {Path} answered {Status}; retry {Retry} of {MaxRetries} in {Delay}",
                request.Method, Path(request), (int)response.StatusCode, retry, maxRetries, delay);
            response.Dispose();
            attempt.Dispose();
            await Task.Delay(delay, time, ct);
        }
    }

    internal static bool IsRetried(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>A dropped connection or an attempt that timed out; never the caller's own cancellation.</summary>
    private static bool IsTransient(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested && e is HttpRequestException or TimeoutException;

    /// <summary>Logged instead of the URI so a query string can never leak; headers are never logged.</summary>
    private static string? Path(HttpRequestMessage request) => request.RequestUri?.GetLeftPart(UriPartial.Path);

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var (name, values) in request.Headers.NonValidated)
            copy.Headers.TryAddWithoutValidation(name, values);
        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            // Content-Length is the byte array's own; the rest (Content-Type) is copied.
            foreach (var (name, values) in request.Content!.Headers.NonValidated)
            {
                if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    copy.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }
        IDictionary<string, object?> options = copy.Options;
        foreach (var (key, value) in request.Options)
            options[key] = value;
        return copy;
    }
}
