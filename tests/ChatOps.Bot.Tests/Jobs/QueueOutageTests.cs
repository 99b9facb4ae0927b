using System.Collections.Concurrent;
using ChatOps.Bot.Pages;
using ChatOps.Bot.Sla;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Pages;
using ChatOps.Jobs.Deadlines;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Jobs;

/// <summary>A bot whose queue fails the next scheduling of a kind, as while Hangfire's PostgreSQL restarts; the reconciler's sweeps go through.</summary>
public sealed class FlakyQueueBot : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    public BotHost Host { get; } = new();

    public void FailNext(string kind) => _failures[kind] = 1;

    public bool Failed(string kind) => _failures.TryGetValue(kind, out var left) && left == 0;

    public Task InitializeAsync()
    {
        Host.TestServices = s =>
        {
            s.AddSingleton<TimeProvider>(Time);
            s.AddSingleton<IDeadlineScheduler>(sp => new FlakyScheduler(sp.GetRequiredService<HangfireDeadlineScheduler>(), _failures));
        };
        return Host.InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncDisposable)Host).DisposeAsync();

    /// <summary>The deadlines Hangfire holds in the Scheduled state.</summary>
    public IReadOnlyList<PendingDeadline> Scheduled() =>
        [.. Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 10_000)
            .Select(j => j.Value.Job is { } job ? HangfireDeadlineScheduler.Deadline(job) : null).OfType<PendingDeadline>()];

    private sealed class FlakyScheduler(IDeadlineScheduler inner, ConcurrentDictionary<string, int> failures) : IDeadlineScheduler
    {
        public Task ScheduleAsync(DeadlineJob job, DateTimeOffset dueAt, CancellationToken ct) =>
            failures.TryGetValue(job.Kind, out var left) && left > 0 && failures.TryUpdate(job.Kind, 0, left)
                ? throw new Npgsql.NpgsqlException("PostgreSQL is restarting")
                : inner.ScheduleAsync(job, dueAt, ct);

        public Task<int> ScheduleManyAsync(IReadOnlyCollection<PendingDeadline> deadlines, CancellationToken ct) => inner.ScheduleManyAsync(deadlines, ct);
    }
}

/// <summary>
/// A deadline whose scheduling failed is scheduled within seconds by an early sweep from the store, not at the next
/// regular sweep ten minutes on: an SLA threshold of a stored change, and a page's next escalation step.
/// </summary>
public sealed class QueueOutageTests(FlakyQueueBot bot) : IClassFixture<FlakyQueueBot>
{
    private readonly ApprovalHost _incidents = new(bot.Host);

    [Fact]
    public async Task The_thresholds_of_a_declared_incident_whose_scheduling_failed_are_scheduled_seconds_later()
    {
        bot.FailNext(SlaDeadline.Kind);

        var (id, _) = await _incidents.OpenAsync("Queue restarting");

        Assert.True(bot.Failed(SlaDeadline.Kind));
        // The P2 acknowledge clock's 50 % (15 minutes on); the respond clock's (an hour on) is beyond the 30-minute horizon, left to a later sweep.
        var threshold = Assert.Single(await ScheduledAsync(d => d.Job is { Kind: SlaDeadline.Kind } job && job.IncidentId == id, count: 1));
        Assert.Equal("acknowledge", threshold.Job.TargetId);
        Assert.StartsWith("50%@", threshold.Job.Occurrence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_whose_next_escalation_failed_to_schedule_is_still_sent_and_its_escalation_scheduled_seconds_later()
    {
        var (id, _) = await _incidents.OpenAsync("Page while the queue restarts");
        await using var scope = bot.Host.Services.CreateAsyncScope();
        bot.FailNext(PolicyPager.Kind);

        var page = await scope.ServiceProvider.GetRequiredService<PolicyPager>().StartAsync(id, PageReason.Manual, "Web server beaconing", default);

        Assert.True(bot.Failed(PolicyPager.Kind));
        Assert.NotNull(page);
        var step = Assert.Single(await ScheduledAsync(d => d.Job is { Kind: PolicyPager.Kind } job && job.IncidentId == id && job.TargetId == page.Id, count: 1));
        Assert.Equal("step:2", step.Job.Occurrence);
    }

    /// <summary>Waits for the deadlines, letting the fake clock run a few seconds (the sweep's retries wait on it), far short of the 10-minute sweep interval.</summary>
    private async Task<IReadOnlyList<PendingDeadline>> ScheduledAsync(Func<PendingDeadline, bool> mine, int count)
    {
        var until = bot.Time.GetUtcNow().AddSeconds(5);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (bot.Scheduled().Where(mine).ToList() is var found && found.Count < count)
        {
            Assert.False(timeout.IsCancellationRequested, $"{found.Count} of {count} scheduled");
            if (bot.Time.GetUtcNow() < until)
                bot.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }
        return bot.Scheduled().Where(mine).ToList();
    }
}
