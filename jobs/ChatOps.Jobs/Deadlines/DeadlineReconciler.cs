using ChatOps.Incidents.Deadlines;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOps.Jobs.Deadlines;

/// <summary>
/// At start: schedules every pending deadline the registered sources know (the store is the source of truth,
/// Hangfire only executes), those already due at once. Retries a source while its store is unreachable.
/// </summary>
internal sealed partial class DeadlineReconciler(
    IEnumerable<IDeadlineSource> sources, IDeadlineScheduler scheduler, TimeProvider time, ILogger<DeadlineReconciler> log) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);
    private const int Parallelism = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hangfire's client blocks on its storage: off the host's start, which would wait for every deadline.
        await Task.Yield();
        foreach (var source in sources)
            await ReconcileAsync(source, stoppingToken);
    }

    private async Task ReconcileAsync(IDeadlineSource source, CancellationToken ct)
    {
        for (var delay = TimeSpan.FromSeconds(1); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks)))
        {
            try
            {
                var pending = await source.ListPendingAsync(ct);
                var now = time.GetUtcNow();
                // Scheduling one twice (a retry after a partial pass, another instance reconciling too) is harmless.
                // Each schedule is a round trip to the queue's database: several at once keep a restart short.
                await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                    async (deadline, token) => await scheduler.ScheduleAsync(deadline.Job, deadline.DueAt, token));
                LogReconciled(pending.Count, pending.Count(d => d.DueAt <= now), source.GetType().Name);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetrying(e, source.GetType().Name, delay);
                await Task.Delay(delay, time, ct);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Scheduled {Count} pending deadlines ({Due} already due) from {Source}")]
    private partial void LogReconciled(int count, int due, string source);

    [LoggerMessage(LogLevel.Warning, "Could not schedule the pending deadlines of {Source} yet; retrying in {Delay}")]
    private partial void LogRetrying(Exception e, string source, TimeSpan delay);
}
