namespace ChatOps.Incidents.Deadlines;

/// <summary>
/// What a deadline of one <see cref="Kind"/> does when it fires, registered by the feature that owns the kind.
/// It reloads the state by the job's ids and does nothing when the deadline no longer holds (clock stopped,
/// paused or moved, page acknowledged). It is never called before the due time, and once per occurrence unless
/// it throws (then the call is retried later).
/// </summary>
public interface IDeadlineHandler
{
    string Kind { get; }

    /// <param name="lateBy">How long after its due time it runs: about zero normally; after a restart it may be
    /// hours, which <see cref="Lateness.IsNoticeable"/> tells the message to say ("late by …").</param>
    Task HandleAsync(DeadlineJob job, TimeSpan lateBy, CancellationToken ct);
}

/// <summary>When a firing is late enough to say so.</summary>
public static class Lateness
{
    /// <summary>Schedules are polled every second and workers may be busy: below this a firing is on time.</summary>
    public static readonly TimeSpan Noticeable = TimeSpan.FromSeconds(30);

    public static bool IsNoticeable(TimeSpan lateBy) => lateBy >= Noticeable;
}
