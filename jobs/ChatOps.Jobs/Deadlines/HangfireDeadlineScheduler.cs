using System.Linq.Expressions;
using ChatOps.Incidents.Deadlines;
using Hangfire;

namespace ChatOps.Jobs.Deadlines;

/// <summary>Deadlines as Hangfire jobs of <see cref="DeadlineRunner"/>, which take ids only.</summary>
internal sealed class HangfireDeadlineScheduler(IBackgroundJobClient client, TimeProvider time) : IDeadlineScheduler
{
    public Task ScheduleAsync(DeadlineJob job, DateTimeOffset dueAt, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Schedule(job, dueAt, runAt: dueAt);
        return Task.CompletedTask;
    }

    /// <summary>Starts the runner at <paramref name="runAt"/> (at once when past); the runner itself never fires before <paramref name="dueAt"/>.</summary>
    public string Schedule(DeadlineJob job, DateTimeOffset dueAt, DateTimeOffset runAt)
    {
        Expression<Func<DeadlineRunner, Task>> run = r => r.RunAsync(job.Kind, job.IncidentId, job.TargetId, job.Occurrence, dueAt, CancellationToken.None);
        return runAt <= time.GetUtcNow() ? client.Enqueue(run) : client.Schedule(run, runAt);
    }
}
