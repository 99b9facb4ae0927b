using ChatOps.Incidents.Deadlines;

namespace ChatOps.Jobs.Deadlines;

/// <summary>
/// The requests that wake <see cref="DeadlineReconciler"/> before its next regular sweep. Apart from the reconciler, as
/// its callers (the stores' schedulers) are among its sources' dependencies.
/// </summary>
internal sealed class DeadlineSweepRequests : IDeadlineSweeps
{
    private TaskCompletionSource _next = New();

    /// <summary>Completes at the first request since the last <see cref="Take"/>.</summary>
    public Task Requested => Volatile.Read(ref _next).Task;

    public void RequestSweep() => Volatile.Read(ref _next).TrySetResult();

    /// <summary>
    /// As a sweep starts: it reads the stores after every request made so far, so it serves them; a request made from
    /// now on wakes the next one.
    /// </summary>
    public void Take()
    {
        if (Volatile.Read(ref _next).Task.IsCompleted)
            Interlocked.Exchange(ref _next, New());
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
