namespace ChatOps.Incidents.Deadlines;

/// <summary>
/// The record of fired deadline occurrences, shared by every bot instance: claiming an occurrence is atomic,
/// so of two instances running the same occurrence only one fires it.
/// </summary>
public interface IDeadlineFirings
{
    Task<FiringClaim> TryClaimAsync(DeadlineJob job, CancellationToken ct);

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

    /// <summary>This caller fires it; <paramref name="Token"/> identifies its claim.</summary>
    public sealed record Claimed(string Token) : FiringClaim;

    /// <summary>It fired before: nothing to do.</summary>
    public sealed record AlreadyFired : FiringClaim;

    /// <summary>Someone else is firing it now; if that one died, the claim can be taken over at <paramref name="RecheckAt"/>.</summary>
    public sealed record HeldElsewhere(DateTimeOffset RecheckAt) : FiringClaim;
}
