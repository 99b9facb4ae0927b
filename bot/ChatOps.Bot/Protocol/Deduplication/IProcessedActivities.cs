using ChatOps.Bot.Protocol.Activities;

namespace ChatOps.Bot.Protocol.Deduplication;

/// <summary>Remembers the activities already taken in, so a redelivered activity is processed once.</summary>
public interface IProcessedActivities
{
    /// <summary>Claims the activity; false, with what the first delivery answered (if it has finished), when it was claimed before.</summary>
    Task<ClaimResult> TryClaimAsync(Activity activity, CancellationToken ct);

    /// <summary>Records the answer of a finished turn, for a redelivery to receive.</summary>
    Task CompleteAsync(Activity activity, string? invokeResponseJson, CancellationToken ct);

    /// <summary>Gives the claim back after a failed turn, so the channel's retry is processed.</summary>
    Task ReleaseAsync(Activity activity, CancellationToken ct);
}

public sealed record ClaimResult(bool Claimed, bool Finished, string? InvokeResponseJson)
{
    public static ClaimResult New { get; } = new(true, false, null);
}
