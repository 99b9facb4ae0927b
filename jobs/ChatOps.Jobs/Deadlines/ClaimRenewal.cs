using ChatOps.Incidents.Deadlines;
using Microsoft.Extensions.Logging;

namespace ChatOps.Jobs.Deadlines;

/// <summary>
/// Keeps a firing's claim while its handler runs, renewing the lease every third of it: a firing that outlasts the lease
/// (posts waiting out Teams' Retry-After) keeps its claim, while the claim of an instance that died runs out within one lease.
/// </summary>
internal sealed partial class ClaimRenewal
{
    /// <summary>After a failed renewal (the table unreachable) the next try comes sooner, but not sooner than this.</summary>
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(5);

    private readonly IDeadlineFirings _firings;
    private readonly DeadlineJob _job;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private FiringClaim.Claimed _claim;

    private ClaimRenewal(IDeadlineFirings firings, DeadlineJob job, FiringClaim.Claimed claim, TimeProvider time, ILogger log)
    {
        (_firings, _job, _claim, _time, _log) = (firings, job, claim, time, log);
        _renewing = RenewAsync(_stop.Token);
    }

    public static ClaimRenewal Start(IDeadlineFirings firings, DeadlineJob job, FiringClaim.Claimed claim, TimeProvider time, ILogger log) =>
        new(firings, job, claim, time, log);

    /// <summary>Stops renewing and gives the claim as last renewed; a renewal under way finishes first, so its new token is not lost.</summary>
    public async Task<FiringClaim.Claimed> StopAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
        return _claim;
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        while (true)
        {
            var wait = (_claim.ExpiresAt - _time.GetUtcNow()) / 3;
            try
            {
                await Task.Delay(wait > MinInterval ? wait : MinInterval, _time, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                if (await _firings.RenewAsync(_job, _claim, CancellationToken.None) is not { } renewed)
                {
                    LogLost(_job, _claim.ExpiresAt);
                    return;
                }
                _claim = renewed;
            }
            catch (Exception e)
            {
                LogRenewalFailed(e, _job, _claim.ExpiresAt);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Deadline {Job} lost its claim (its lease ran out at {ExpiresAt} unrenewed and another instance took it over): it may fire twice")]
    private partial void LogLost(DeadlineJob job, DateTimeOffset expiresAt);

    [LoggerMessage(LogLevel.Warning, "Could not renew the claim on deadline {Job}, held until {ExpiresAt}; trying again")]
    private partial void LogRenewalFailed(Exception e, DeadlineJob job, DateTimeOffset expiresAt);
}
