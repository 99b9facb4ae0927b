namespace ChatOps.Incidents.Deadlines;

/// <summary>
/// The record of fired deadline occurrences, shared by every bot instance: claiming an occurrence is atomic,
/// so of two instances running the same occurrence only one fires it. A claim is a lease the firing instance renews
/// while its handler runs, so the claim of an instance that died mid-fire runs out within one lease.
/// </summary>
public interface IDeadlineFirings
{
    Task<FiringClaim> TryClaimAsync(DeadlineJob job, CancellationToken ct);

    /// <summary>Extends the claim's lease; null when the claim was lost (taken over once its lease ran out, or released).</summary>
    Task<FiringClaim.Claimed?> RenewAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct);

    /// <summary>Marks the claimed occurrence fired for good.</summary>
    Task CompleteAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct);

    /// <summary>Gives the claim up after a failed firing, so a retry may fire it.</summary>
    Task ReleaseAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct);
}

/// <summary>The answer to a claim.</summary>
public abstract record FiringClaim
{
    private FiringClaim()
    {
    }

    /// <summary>This caller fires it; <paramref name="Token"/> identifies its claim, which others may take over from <paramref name="ExpiresAt"/> unless renewed.</summary>
    public sealed record Claimed(string Token, DateTimeOffset ExpiresAt) : FiringClaim;

    /// <summary>It fired before: nothing to do.</summary>
    public sealed record AlreadyFired : FiringClaim;

    /// <summary>Someone else is firing it now; if that one died, the claim can be taken over at <paramref name="RecheckAt"/> (its lease's end).</summary>
    public sealed record HeldElsewhere(DateTimeOffset RecheckAt) : FiringClaim;
}
