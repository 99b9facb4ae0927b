using ChatOps.Incidents.Deadlines;
using ChatOps.Jobs.Deadlines;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Jobs.Tests.Deadlines;

public sealed class DeadlineRunnerTests
{
    private static readonly DeadlineJob Job = new(RecordingHandler.DefaultKind, "INC-2026-0042", "ack", "75%");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingJobClient _client = new();
    private readonly RecordingHandler _handler;
    private readonly MemoryFirings _firings;
    private readonly DeadlineRunner _runner;

    public DeadlineRunnerTests()
    {
        _handler = new RecordingHandler(_time);
        _firings = new MemoryFirings(_time);
        _runner = new DeadlineRunner([_handler], _firings, Schedulers.On(_client, _time), _time, NullLogger<DeadlineRunner>.Instance);
    }

    private Task RunAsync(DeadlineJob job, DateTimeOffset dueAt) =>
        _runner.RunAsync(job.Kind, job.IncidentId, job.TargetId, job.Occurrence, dueAt, CancellationToken.None);

    /// <summary>
    /// The renewals run on the fake clock's timers, then on the pool: waits for them, moving the clock on by
    /// <paramref name="step"/> each time, so a renewal whose next timer is set late still comes.
    /// </summary>
    private async Task UntilAsync(Func<bool> done, TimeSpan? step = null)
    {
        for (var i = 0; i < 1000 && !done(); i++)
        {
            if (step is { } by)
                _time.Advance(by);
            await Task.Delay(10);
        }
        Assert.True(done(), $"not by {_time.GetUtcNow():O}");
    }

    [Fact]
    public async Task A_job_started_before_its_due_time_fires_no_earlier_than_it()
    {
        var dueAt = _time.GetUtcNow().AddSeconds(1.5);

        var run = RunAsync(Job, dueAt);
        _time.Advance(TimeSpan.FromMilliseconds(1499));
        Assert.False(run.IsCompleted);
        Assert.Empty(_handler.Calls);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await run;

        var call = Assert.Single(_handler.Calls);
        Assert.Equal(dueAt, call.At);
        Assert.Equal(TimeSpan.Zero, call.LateBy);
    }

    [Fact]
    public async Task A_late_job_fires_at_once_and_says_how_late()
    {
        await RunAsync(Job, _time.GetUtcNow().AddHours(-2));

        var call = Assert.Single(_handler.Calls);
        Assert.Equal(TimeSpan.FromHours(2), call.LateBy);
        Assert.True(Lateness.IsNoticeable(call.LateBy));
    }

    [Fact]
    public async Task An_occurrence_fires_once_however_often_its_job_runs()
    {
        var dueAt = _time.GetUtcNow();

        await RunAsync(Job, dueAt);
        await RunAsync(Job, dueAt);
        await RunAsync(Job with { Occurrence = "100%" }, dueAt);

        Assert.Equal(["75%", "100%"], _handler.Calls.Select(c => c.Job.Occurrence));
    }

    [Fact]
    public async Task A_job_started_long_before_its_due_time_is_scheduled_again_for_it()
    {
        var dueAt = _time.GetUtcNow().AddHours(1);

        await RunAsync(Job, dueAt);

        Assert.Empty(_handler.Calls);
        var (job, state) = Assert.Single(_client.Created);
        Assert.Equal(dueAt.UtcDateTime, Assert.IsType<ScheduledState>(state).EnqueueAt);
        Assert.Equal([Job.Kind, Job.IncidentId, Job.TargetId, Job.Occurrence, dueAt], job.Args.Take(5));
    }

    [Fact]
    public async Task An_occurrence_being_fired_elsewhere_is_checked_again_when_that_claims_lease_runs_out_and_then_taken_over()
    {
        var dueAt = _time.GetUtcNow();
        // An instance that claimed it and died: it never renews.
        await _firings.TryClaimAsync(Job, CancellationToken.None);

        await RunAsync(Job, dueAt);
        Assert.Empty(_handler.Calls);
        var (job, state) = Assert.Single(_client.Created);
        Assert.Equal((dueAt + MemoryFirings.Lease).UtcDateTime, Assert.IsType<ScheduledState>(state).EnqueueAt);
        Assert.Equal(dueAt, job.Args[4]);

        _time.Advance(MemoryFirings.Lease);
        await RunAsync(Job, dueAt);

        var call = Assert.Single(_handler.Calls);
        Assert.Equal(MemoryFirings.Lease, call.LateBy);
    }

    [Fact]
    public async Task A_firing_that_outlasts_its_lease_keeps_its_claim_and_a_second_runner_does_not_fire_it_again()
    {
        var busy = new TaskCompletionSource();
        _handler.Busy = busy.Task;
        var dueAt = _time.GetUtcNow();

        var first = RunAsync(Job, dueAt);
        await _handler.FirstCall.Task;
        // Fifteen renewals, every third of a lease: five leases long.
        await UntilAsync(() => _firings.Renewals >= 15, step: TimeSpan.FromSeconds(1));
        Assert.InRange(_time.GetUtcNow() - dueAt, 5 * MemoryFirings.Lease, 6 * MemoryFirings.Lease);
        var second = new DeadlineRunner([_handler], _firings, Schedulers.On(_client, _time), _time, NullLogger<DeadlineRunner>.Instance);
        await second.RunAsync(Job.Kind, Job.IncidentId, Job.TargetId, Job.Occurrence, dueAt, CancellationToken.None);
        busy.SetResult();
        await first;
        await RunAsync(Job, dueAt);

        Assert.Single(_handler.Calls);
        // The second runner looks again when the renewed lease would run out: within one lease, not at the first claim's.
        var recheckAt = Assert.IsType<ScheduledState>(Assert.Single(_client.Created).State).EnqueueAt;
        Assert.InRange(recheckAt, _time.GetUtcNow().UtcDateTime, (_time.GetUtcNow() + MemoryFirings.Lease).UtcDateTime);
        Assert.Equal(15, _firings.Renewals);
    }

    [Fact]
    public async Task A_firing_whose_claim_ran_out_unrenewed_and_was_taken_over_says_it_may_fire_twice()
    {
        var log = new RecordingLogger<DeadlineRunner>();
        var runner = new DeadlineRunner([_handler], _firings, Schedulers.On(_client, _time), _time, log);
        var busy = new TaskCompletionSource();
        _handler.Busy = busy.Task;
        var dueAt = _time.GetUtcNow();
        var firing = runner.RunAsync(Job.Kind, Job.IncidentId, Job.TargetId, Job.Occurrence, dueAt, CancellationToken.None);
        await _handler.FirstCall.Task;

        // Its renewals do not reach the table for a whole lease, and another instance takes the claim over.
        _firings.RenewalFailuresLeft = 1;
        _time.Advance(MemoryFirings.Lease);
        await UntilAsync(() => _firings.RenewalFailuresLeft == 0);
        Assert.IsType<FiringClaim.Claimed>(await _firings.TryClaimAsync(Job, CancellationToken.None));
        await UntilAsync(() => log.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("lost its claim", StringComparison.Ordinal)), step: TimeSpan.FromSeconds(1));
        busy.SetResult();
        await firing;

        Assert.Single(_handler.Calls);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Could not renew the claim", StringComparison.Ordinal));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("could not be recorded as fired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_firing_gives_its_claim_back_so_the_retry_fires_it()
    {
        _handler.FailNext(1);
        var dueAt = _time.GetUtcNow();

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(Job, dueAt));
        await RunAsync(Job, dueAt);

        Assert.Single(_handler.Calls);
    }

    [Fact]
    public async Task A_kind_without_a_handler_fails_the_job_so_Hangfire_retries_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(Job with { Kind = "page-escalation" }, _time.GetUtcNow()));

        Assert.Contains("page-escalation", error.Message, StringComparison.Ordinal);
    }
}
