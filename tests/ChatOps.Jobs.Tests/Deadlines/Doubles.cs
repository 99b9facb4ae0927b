using System.Collections.Concurrent;
using ChatOps.Incidents.Deadlines;
using Hangfire;
using ChatOps.Jobs.Deadlines;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.States;
using Microsoft.Extensions.Logging;
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

/// <summary>The firings record in memory, atomic like the table and with its leases: a stand-in for tests without Azurite.</summary>
internal sealed class MemoryFirings(TimeProvider time) : IDeadlineFirings
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Row> _rows = new(StringComparer.Ordinal);
    private int _renewals;

    public int Renewals => Volatile.Read(ref _renewals);

    /// <summary>Renewals to fail as if the table were unreachable.</summary>
    public int RenewalFailuresLeft { get; set; }

    public Task<FiringClaim> TryClaimAsync(DeadlineJob job, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_rows.TryGetValue(job.Key, out var row) && (row.Fired || time.GetUtcNow() < row.LeaseUntil))
                return Task.FromResult<FiringClaim>(row.Fired ? new FiringClaim.AlreadyFired() : new FiringClaim.HeldElsewhere(row.LeaseUntil));
            return Task.FromResult<FiringClaim>(Write(job));
        }
    }

    public Task<FiringClaim.Claimed?> RenewAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct)
    {
        lock (_gate)
        {
            if (RenewalFailuresLeft > 0)
            {
                RenewalFailuresLeft--;
                throw new IOException("Azure Tables unreachable");
            }
            if (!Holds(job, claim))
                return Task.FromResult<FiringClaim.Claimed?>(null);
            Interlocked.Increment(ref _renewals);
            return Task.FromResult<FiringClaim.Claimed?>(Write(job));
        }
    }

    public Task CompleteAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!Holds(job, claim))
                throw new InvalidOperationException("The claim was taken over.");
            _rows[job.Key] = _rows[job.Key] with { Fired = true };
            return Task.CompletedTask;
        }
    }

    public Task ReleaseAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct)
    {
        lock (_gate)
        {
            if (Holds(job, claim))
                _rows.Remove(job.Key);
            return Task.CompletedTask;
        }
    }

    private bool Holds(DeadlineJob job, FiringClaim.Claimed claim) =>
        _rows.TryGetValue(job.Key, out var row) && !row.Fired && row.Token == claim.Token;

    private FiringClaim.Claimed Write(DeadlineJob job)
    {
        var row = new Row(Guid.NewGuid().ToString("N"), time.GetUtcNow() + Lease, Fired: false);
        _rows[job.Key] = row;
        return new FiringClaim.Claimed(row.Token, row.LeaseUntil);
    }

    private sealed record Row(string Token, DateTimeOffset LeaseUntil, bool Fired);
}

/// <summary>A handler that records each call with the time it saw; optionally fails its first calls.</summary>
internal sealed class RecordingHandler(TimeProvider time, string kind = RecordingHandler.DefaultKind) : IDeadlineHandler
{
    public const string DefaultKind = "sla-reminder";
    private int _failuresLeft;

    public string Kind => kind;
    public ConcurrentQueue<(DeadlineJob Job, TimeSpan LateBy, DateTimeOffset At)> Calls { get; } = new();
    public TaskCompletionSource FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What each call waits for after it is recorded (a post waiting out Teams' Retry-After).</summary>
    public Task Busy { get; set; } = Task.CompletedTask;

    public void FailNext(int times) => _failuresLeft = times;

    public async Task HandleAsync(DeadlineJob job, TimeSpan lateBy, CancellationToken ct)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new InvalidOperationException("The connector is down.");
        Calls.Enqueue((job, lateBy, time.GetUtcNow()));
        FirstCall.TrySetResult();
        await Busy.WaitAsync(ct);
    }
}

/// <summary>Records what was logged, for the warnings a test expects.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}
