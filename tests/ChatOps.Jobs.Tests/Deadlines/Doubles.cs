using System.Collections.Concurrent;
using ChatOps.Incidents.Deadlines;
using Hangfire;
using ChatOps.Jobs.Deadlines;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace ChatOps.Jobs.Tests.Deadlines;

/// <summary>The scheduler on a recording client; its batches go to an in-memory Hangfire storage of their own.</summary>
internal static class Schedulers
{
    public static HangfireDeadlineScheduler On(IBackgroundJobClient client, TimeProvider time) =>
        new(client, new DeadlineBatches(new InMemoryStorage(), JobFilterProviders.Providers, new(Options.Create(new JobsOptions())), time), time);
}

/// <summary>Records what would go to Hangfire.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    public ConcurrentQueue<(Job Job, IState State)> Created { get; } = new();

    public string Create(Job job, IState state)
    {
        Created.Enqueue((job, state));
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}

/// <summary>The firings record in memory, atomic like the table: a stand-in for tests without Azurite.</summary>
internal sealed class MemoryFirings(TimeProvider time) : IDeadlineFirings
{
    private readonly ConcurrentDictionary<string, (string Token, bool Fired)> _rows = new(StringComparer.Ordinal);

    public Task<FiringClaim> TryClaimAsync(DeadlineJob job, CancellationToken ct)
    {
        var token = Guid.NewGuid().ToString("N");
        if (_rows.TryAdd(job.Key, (token, false)))
            return Task.FromResult<FiringClaim>(new FiringClaim.Claimed(token));
        return Task.FromResult<FiringClaim>(_rows[job.Key].Fired
            ? new FiringClaim.AlreadyFired()
            : new FiringClaim.HeldElsewhere(time.GetUtcNow() + TimeSpan.FromMinutes(15)));
    }

    public Task CompleteAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct)
    {
        _rows[job.Key] = (claim.Token, true);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct)
    {
        _rows.TryRemove(new KeyValuePair<string, (string, bool)>(job.Key, (claim.Token, false)));
        return Task.CompletedTask;
    }
}

/// <summary>A handler that records each call with the time it saw; optionally fails its first calls.</summary>
internal sealed class RecordingHandler(TimeProvider time, string kind = RecordingHandler.DefaultKind) : IDeadlineHandler
{
    public const string DefaultKind = "sla-reminder";
    private int _failuresLeft;

    public string Kind => kind;
    public ConcurrentQueue<(DeadlineJob Job, TimeSpan LateBy, DateTimeOffset At)> Calls { get; } = new();
    public TaskCompletionSource FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void FailNext(int times) => _failuresLeft = times;

    public Task HandleAsync(DeadlineJob job, TimeSpan lateBy, CancellationToken ct)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new InvalidOperationException("The connector is down.");
        Calls.Enqueue((job, lateBy, time.GetUtcNow()));
        FirstCall.TrySetResult();
        return Task.CompletedTask;
    }
}
