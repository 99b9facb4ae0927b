using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Protocol.Connector;

/// <summary>How long to wait before a retry: the server's Retry-After if it sent one, else exponential backoff with full jitter.</summary>
internal sealed class ConnectorBackoff(IOptions<ConnectorOptions> options, TimeProvider time, Random random)
{
    /// <summary>
    /// The longest Retry-After we wait for, even above RetryMaxDelay (which caps only our own backoff):
    /// a server asking for more is refused rather than held, since an earlier retry would be refused too.
    /// </summary>
    public static readonly TimeSpan RetryAfterLimit = TimeSpan.FromMinutes(10);

    /// <summary>The upper bound of the wait before retry <paramref name="retry"/> (1-based): base·2^(retry−1), capped.</summary>
    public TimeSpan Ceiling(int retry)
    {
        var o = options.Value;
        var exponential = o.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));
        return TimeSpan.FromMilliseconds(Math.Min(exponential, o.RetryMaxDelay.TotalMilliseconds));
    }

    /// <summary>Uniform in [0, ceiling]: full jitter spreads many clients' retries the most (fewest collisions).</summary>
    public TimeSpan Jittered(int retry) => Ceiling(retry) * random.NextDouble();

    /// <summary>The wait before retry <paramref name="retry"/>, or null when the server asks for longer than <see cref="RetryAfterLimit"/>.</summary>
    public TimeSpan? Before(int retry, RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter is null)
            return Jittered(retry);
        var wait = retryAfter.Delta ?? (retryAfter.Date - time.GetUtcNow()) ?? TimeSpan.Zero;
        if (wait < TimeSpan.Zero)
            wait = TimeSpan.Zero;
        return wait <= RetryAfterLimit ? wait : null;
    }
}
