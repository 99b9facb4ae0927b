using ChatOps.Incidents.Deadlines;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace ChatOps.Jobs.Deadlines;

/// <summary>Deadlines as Hangfire jobs of <see cref="DeadlineRunner"/>, which take ids only.</summary>
internal sealed class HangfireDeadlineScheduler(IBackgroundJobClient client, DeadlineBatches batches, TimeProvider time) : IDeadlineScheduler
{
    public Task ScheduleAsync(DeadlineJob job, DateTimeOffset dueAt, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Schedule(job, dueAt, runAt: dueAt);
        return Task.CompletedTask;
    }

    public Task<int> ScheduleManyAsync(IReadOnlyCollection<PendingDeadline> deadlines, CancellationToken ct) =>
        batches.ScheduleMissingAsync(deadlines, ct);

    /// <summary>Starts the runner at <paramref name="runAt"/> (at once when past); the runner itself never fires before <paramref name="dueAt"/>.</summary>
    public string Schedule(DeadlineJob job, DateTimeOffset dueAt, DateTimeOffset runAt) =>
        client.Create(RunnerJob(job, dueAt), StateFor(runAt, time.GetUtcNow()));

    /// <summary>The runner's call for a deadline: its ids and due time, nothing else.</summary>
    public static Job RunnerJob(DeadlineJob job, DateTimeOffset dueAt) =>
        Job.FromExpression<DeadlineRunner>(r => r.RunAsync(job.Kind, job.IncidentId, job.TargetId, job.Occurrence, dueAt, CancellationToken.None));

    /// <summary>What <c>client.Schedule</c> and <c>client.Enqueue</c> would give it.</summary>
    public static IState StateFor(DateTimeOffset runAt, DateTimeOffset now) =>
        runAt <= now ? new EnqueuedState() : new ScheduledState(runAt.UtcDateTime);

    /// <summary>The deadline a runner job stands for, read back from its arguments; null for any other job.</summary>
    public static PendingDeadline? Deadline(Job job) =>
        job.Type == typeof(DeadlineRunner) && job.Method.Name == nameof(DeadlineRunner.RunAsync) &&
        job.Args is [string kind, string incidentId, string targetId, string occurrence, DateTimeOffset dueAt, ..]
            ? new PendingDeadline(new DeadlineJob(kind, incidentId, targetId, occurrence), dueAt)
            : null;
}
