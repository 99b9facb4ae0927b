using ChatOps.Incidents.Deadlines;
using ChatOps.Jobs.Deadlines;
using Hangfire.States;
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
    public async Task An_occurrence_being_fired_elsewhere_is_checked_again_when_that_claim_would_be_abandoned()
    {
        var dueAt = _time.GetUtcNow();
        await _firings.TryClaimAsync(Job, CancellationToken.None);

        await RunAsync(Job, dueAt);

        Assert.Empty(_handler.Calls);
        var (job, state) = Assert.Single(_client.Created);
        Assert.Equal((dueAt + TimeSpan.FromMinutes(15)).UtcDateTime, Assert.IsType<ScheduledState>(state).EnqueueAt);
        Assert.Equal(dueAt, job.Args[4]);
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
