namespace ChatOps.Incidents.Deadlines;

/// <summary>
/// Runs a deadline's handler at its due time (at once when it is already due). Scheduling one occurrence twice
/// is harmless: it fires once. The store stays the source of truth; the schedule is re-created from it at start.
/// </summary>
public interface IDeadlineScheduler
{
    Task ScheduleAsync(DeadlineJob job, DateTimeOffset dueAt, CancellationToken ct);
}
