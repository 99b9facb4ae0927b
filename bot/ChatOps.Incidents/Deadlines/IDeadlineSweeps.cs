namespace ChatOps.Incidents.Deadlines;

/// <summary>
/// Asks for the schedule to be re-created from the stores (<see cref="IDeadlineSource"/>) now rather than at the next
/// regular sweep: after scheduling a deadline failed (the queue's storage unreachable), so it is still scheduled as soon
/// as the queue answers, not minutes later.
/// </summary>
public interface IDeadlineSweeps
{
    /// <summary>Returns at once; requests made before a sweep starts are served by that one sweep.</summary>
    void RequestSweep();
}
