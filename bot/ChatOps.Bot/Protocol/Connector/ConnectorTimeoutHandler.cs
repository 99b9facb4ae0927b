using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Protocol.Connector;

/// <summary>
/// Bounds one attempt, not the whole call: the client's own timeout is off because a request may
/// rightly wait long in the rate-limit queue and across retries; the caller's token bounds that.
/// </summary>
internal sealed class ConnectorTimeoutHandler(IOptions<ConnectorOptions> options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var limit = options.Value.AttemptTimeout;
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return await base.SendAsync(request, linked.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A TimeoutException, unlike a cancellation, tells the retry handler the attempt may be retried.
            throw new TimeoutException($"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} did not answer within {limit}.", e);
        }
    }
}
