using ChatOps.Incidents.Deadlines;
using ChatOps.Jobs.Deadlines;
using Hangfire.States;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Jobs.Tests.Deadlines;

public sealed class HangfireDeadlineSchedulerTests
{
    private static readonly DeadlineJob Job = new("page-escalation", "INC-2026-0007", "page-3", "level-2");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingJobClient _client = new();

    [Fact]
    public async Task A_future_deadline_becomes_a_job_scheduled_for_its_due_time_carrying_only_ids()
    {
        var dueAt = _time.GetUtcNow().AddMinutes(5);

        await Schedulers.On(_client, _time).ScheduleAsync(Job, dueAt, CancellationToken.None);

        var (job, state) = Assert.Single(_client.Created);
        Assert.Equal(typeof(DeadlineRunner), job.Type);
        Assert.Equal(nameof(DeadlineRunner.RunAsync), job.Method.Name);
        Assert.Equal(["page-escalation", "INC-2026-0007", "page-3", "level-2", dueAt], job.Args.Take(5));
        Assert.Equal(dueAt.UtcDateTime, Assert.IsType<ScheduledState>(state).EnqueueAt);
    }

    [Fact]
    public async Task A_deadline_already_due_is_enqueued_at_once()
    {
        await Schedulers.On(_client, _time).ScheduleAsync(Job, _time.GetUtcNow().AddHours(-3), CancellationToken.None);

        Assert.IsType<EnqueuedState>(Assert.Single(_client.Created).State);
    }
}
