using Azure.Core;
using Azure.Core.Pipeline;
using ChatOps.Bot.Telemetry;

namespace ChatOps.Bot.Storage;

/// <summary>
/// The Azure SDK's own retries (its default exponential backoff: 0.8 s doubling up to a minute, Storage:MaxRetries times),
/// counted: each retry it decides on is a measurement of the storage target with the answer that caused it.
/// </summary>
internal sealed class StorageRetries(int maxRetries, ChatOpsMetrics metrics)
    : RetryPolicy(maxRetries, DelayStrategy.CreateExponentialDelayStrategy(TimeSpan.FromSeconds(0.8), TimeSpan.FromMinutes(1)))
{
    public const string Target = "storage";

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception)
    {
        var retry = await base.ShouldRetryAsync(message, exception);
        Count(message, exception, retry);
        return retry;
    }

    protected override bool ShouldRetry(HttpMessage message, Exception? exception)
    {
        var retry = base.ShouldRetry(message, exception);
        Count(message, exception, retry);
        return retry;
    }

    private void Count(HttpMessage message, Exception? exception, bool retry)
    {
        var status = exception is null && message.HasResponse ? message.Response.Status : (int?)null;
        if (status == 429)
            metrics.Throttled(Target);
        if (retry)
            metrics.Retry(Target, status, exception?.GetType().FullName);
    }
}
