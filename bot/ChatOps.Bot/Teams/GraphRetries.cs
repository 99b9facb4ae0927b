using System.Net;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Teams;

/// <summary>
/// Graph clients whose calls may be repeated go through the connector's retry handler (its backoff, Retry-After cap and
/// MaxRetries) with Graph's transient answers, 429 and 5xx (https://learn.microsoft.com/graph/throttling), and a timeout per attempt.
/// </summary>
internal static class GraphRetries
{
    public static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests ||
        (int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported);

    /// <summary>Only for idempotent calls: a POST that creates (a channel) must not be sent twice.</summary>
    public static IHttpClientBuilder AddRetryingGraphClient<T>(this IServiceCollection services) where T : class =>
        // No overall timeout: a Retry-After may be long; each attempt has its own, and the caller's token bounds the rest.
        services.AddHttpClient<T>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new ConnectorRetryHandler(
                sp.GetRequiredService<IOptions<ConnectorOptions>>(), sp.GetRequiredService<ConnectorBackoff>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ChatOpsMetrics>(), sp.GetRequiredService<ILogger<ConnectorRetryHandler>>())
            {
                Retried = IsTransient,
                Target = "graph",
            })
            .AddHttpMessageHandler<ConnectorTimeoutHandler>();
}
