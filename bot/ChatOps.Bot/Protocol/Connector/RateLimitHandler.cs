namespace ChatOps.Bot.Protocol.Connector;

/// <summary>Holds each connector request until Teams' rate limits allow it (queues, never drops).</summary>
/// <remarks>
/// Every request naming a conversation counts against it, reads (GET members) included: Teams applies
/// the same per-thread limits to them. Requests without one (create conversation) take only the app limit.
/// </remarks>
internal sealed class RateLimitHandler(ConversationRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Options.TryGetValue(ConnectorRequest.ConversationId, out var conversationId);
        await limiter.AcquireAsync(conversationId, ct);
        return await base.SendAsync(request, ct);
    }
}
