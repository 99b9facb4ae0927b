namespace ChatOps.Incidents.Deadlines;

/// <summary>
/// A feature's store of deadlines (SLA clocks, pages): every one not yet fired, read at start so the schedule
/// is re-created after a crash or restart. Returning an already fired one is harmless.
/// </summary>
public interface IDeadlineSource
{
    Task<IReadOnlyList<PendingDeadline>> ListPendingAsync(CancellationToken ct);
}
