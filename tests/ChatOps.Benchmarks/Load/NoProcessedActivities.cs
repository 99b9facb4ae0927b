using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Deduplication;

namespace ChatOps.Benchmarks.Load;

/// <summary>Benchmark harness only: storage stood down, so every activity is new and nothing is recorded.</summary>
internal sealed class NoProcessedActivities : IProcessedActivities
{
    public Task<ClaimResult> TryClaimAsync(Activity activity, CancellationToken ct) => Task.FromResult(ClaimResult.New);

    public Task CompleteAsync(Activity activity, string? invokeResponseJson, CancellationToken ct) => Task.CompletedTask;

    public Task ReleaseAsync(Activity activity, CancellationToken ct) => Task.CompletedTask;
}
