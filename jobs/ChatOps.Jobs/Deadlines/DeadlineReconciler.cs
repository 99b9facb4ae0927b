using ChatOps.Incidents.Deadlines;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Jobs.Deadlines;

/// <summary>
/// At start, then every third of the horizon, and at once when asked (<see cref="IDeadlineSweeps"/>, after a scheduling
/// failed): schedules the pending deadlines the registered sources know that fall due within
/// <see cref="JobsOptions.ReconcileHorizon"/> (the store is the source of truth, Hangfire only executes), those already
/// due at once. Retries a source while its store or the queue's storage is unreachable.
/// </summary>
internal sealed partial class DeadlineReconciler(
    IEnumerable<IDeadlineSource> sources, IDeadlineScheduler scheduler, DeadlineSweepRequests requests, TimeProvider time,
    IOptions<JobsOptions> options, ILogger<DeadlineReconciler> log)
    : BackgroundService
{
    /// <summary>Sweeps completed so far (each one over every source).</summary>
    public int Sweeps => _sweeps;

    private int _sweeps;

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hangfire's client blocks on its storage: off the host's start, which would wait for every deadline.
        await Task.Yield();
        var horizon = options.Value.ReconcileHorizon;
        while (!stoppingToken.IsCancellationRequested)
        {
            requests.Take();
            // The next sweep comes a third of the horizon later at the latest, so nothing due within the horizon is ever left out.
            var until = time.GetUtcNow() + horizon;
            foreach (var source in sources)
                await ReconcileAsync(source, until, stoppingToken);
            Interlocked.Increment(ref _sweeps);
            try
            {
                await requests.Requested.WaitAsync(horizon / 3, time, stoppingToken);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReconcileAsync(IDeadlineSource source, DateTimeOffset until, CancellationToken ct)
    {
        for (var delay = TimeSpan.FromSeconds(1); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks)))
        {
            try
            {
                var started = time.GetTimestamp();
                var pending = (await source.ListPendingAsync(ct)).Where(d => d.DueAt <= until).ToList();
                var (read, now) = (time.GetElapsedTime(started), time.GetUtcNow());
                // Those the queue holds already (a kept queue after a restart, an earlier sweep) are left out; scheduling
                // one twice anyway (another instance reconciling at the same time) is harmless.
                var added = await scheduler.ScheduleManyAsync(pending, ct);
                LogReconciled(added, pending.Count, pending.Count(d => d.DueAt <= now), source.GetType().Name, read, time.GetElapsedTime(started) - read);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetrying(e, source.GetType().Name, delay);
                await Task.Delay(delay, time, ct);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Scheduled {Added} of the {Count} pending deadlines due within the horizon ({Due} already due; the rest were queued) from {Source}; reading took {Read}, scheduling {Scheduling}")]
    private partial void LogReconciled(int added, int count, int due, string source, TimeSpan read, TimeSpan scheduling);

    [LoggerMessage(LogLevel.Warning, "Could not schedule the pending deadlines of {Source} yet; retrying in {Delay}")]
    private partial void LogRetrying(Exception e, string source, TimeSpan delay);
}
