namespace ChatOps.Incidents.Deadlines;

/// <summary>
/// Runs a deadline's handler at its due time (at once when it is already due). Scheduling one occurrence twice
/// is harmless: it fires once. The store stays the source of truth; the schedule is re-created from it at start.
/// </summary>
public interface IDeadlineScheduler
{
    Task ScheduleAsync(DeadlineJob job, DateTimeOffset dueAt, CancellationToken ct);

    /// <summary>
    /// Schedules many at once (the reconciler's sweep), leaving out each one the queue already holds for the same
    /// due time; returns how many it added.
    /// </summary>
    Task<int> ScheduleManyAsync(IReadOnlyCollection<PendingDeadline> deadlines, CancellationToken ct);
}
