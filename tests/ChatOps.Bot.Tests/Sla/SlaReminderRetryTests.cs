using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Sla;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Pages;
using ChatOps.Incidents.Sla;
using ChatOps.Jobs.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Sla;

/// <summary>
/// The bot on a clock the test moves, whose reconciler does not sweep within a test: each reminder runs only when the
/// test runs it through the deadline runner, as Hangfire would, and again when the test retries it, as Hangfire would.
/// </summary>
public sealed class RetriedReminderBot : FakeClockBot
{
    protected override void Configure(BotHost host) => host.Settings["Jobs:ReconcileHorizon"] = "7.00:00:00";

    public async Task RunAsync(string incidentId, int percent, DateTimeOffset dueAt)
    {
        var job = SlaDeadline.For(new SlaThreshold(incidentId, "acknowledge", percent, dueAt)).Job;
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineRunner>().RunAsync(job.Kind, job.IncidentId, job.TargetId, job.Occurrence, dueAt, default);
    }

    /// <summary>Teams answers 502 to the next post to the thread and to each of the connector client's 5 retries (at once: Retry-After 0).</summary>
    public void FailEveryAttemptOfTheNextPost(string thread) => Host.Connector.FailNext(502, times: 6, retryAfter: "0", path: Posts(thread));

    public static string Posts(string thread) => $"/v3/conversations/{thread}/activities";
}

public sealed class SlaWarningRetryTests(RetriedReminderBot bot) : IClassFixture<RetriedReminderBot>
{
    private readonly ApprovalHost _incidents = new(bot.Host);

    [Fact]
    public async Task A_warning_whose_post_fails_through_every_connector_retry_is_posted_once_on_the_deadlines_retry_and_recorded_once()
    {
        var (id, thread) = await _incidents.OpenAsync("Teams throttling at the warning");
        var declared = (await _incidents.Store.GetAsync(id, default))!.Incident.FindClock("acknowledge")!.StartedAt!.Value;
        var due = declared.AddMinutes(15);
        bot.Time.Advance(due.AddMinutes(1) - bot.Time.GetUtcNow());
        var seen = bot.Host.Connector.Requests.Count;
        bot.FailEveryAttemptOfTheNextPost(thread);

        await Assert.ThrowsAsync<ConnectorException>(() => bot.RunAsync(id, 50, due));
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await bot.RunAsync(id, 50, due);
        await bot.RunAsync(id, 50, due);

        var reminders = bot.Host.Connector.Requests.Skip(seen)
            .Where(r => r.Method == "POST" && r.Path == RetriedReminderBot.Posts(thread) && ApprovalHost.Readable(r.Body).Contains("合同时限已用 50%", StringComparison.Ordinal))
            .Select(r => r.Status).ToList();
        Assert.Equal([.. Enumerable.Repeat(502, 6), 201], reminders);
        var warning = Assert.Single(await _incidents.Store.ReadTimelineAsync(id, default), e => e.Type == "sla.warning");
        Assert.Equal(("acknowledge", 50), ((string?)warning.Data["clock"], (int)warning.Data["percent"]!));
    }
}

public sealed class SlaBreachRetryTests(RetriedReminderBot bot) : IClassFixture<RetriedReminderBot>
{
    private readonly ApprovalHost _incidents = new(bot.Host);

    [Fact]
    public async Task A_breach_whose_post_fails_is_posted_on_the_deadlines_retry_then_pages_once_however_often_it_is_retried()
    {
        var (id, thread) = await _incidents.OpenAsync("Teams down at the breach");
        var declared = (await _incidents.Store.GetAsync(id, default))!.Incident.FindClock("acknowledge")!.StartedAt!.Value;
        var due = declared.AddMinutes(30);
        bot.Time.Advance(due.AddMinutes(1) - bot.Time.GetUtcNow());
        var seen = bot.Host.Connector.Requests.Count;
        bot.FailEveryAttemptOfTheNextPost(thread);

        await Assert.ThrowsAsync<ConnectorException>(() => bot.RunAsync(id, 100, due));
        var failed = (await _incidents.Store.GetAsync(id, default))!.Incident;
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await bot.RunAsync(id, 100, due);
        var reminders = bot.Host.Connector.Requests.Skip(seen)
            .Where(r => r.Method == "POST" && r.Path == RetriedReminderBot.Posts(thread) && ApprovalHost.Readable(r.Body) is var text &&
                text.Contains("已超出合同时限", StringComparison.Ordinal) && text.Contains("截止时间", StringComparison.Ordinal))
            .Select(r => r.Status).ToList();
        // An attempt after the page went out (its process died before the deadline was recorded as fired) pages no one again...
        await using (var scope = bot.Host.Services.CreateAsyncScope())
        {
            var job = SlaDeadline.For(new SlaThreshold(id, "acknowledge", 100, due)).Job;
            await scope.ServiceProvider.GetServices<IDeadlineHandler>().Single(h => h.Kind == SlaDeadline.Kind).HandleAsync(job, TimeSpan.FromMinutes(2), default);
        }

        var postedInAll = bot.Host.Connector.Requests.Skip(seen).Count(r => r.Method == "POST" && r.Status < 300 && r.Path == RetriedReminderBot.Posts(thread) &&
            ApprovalHost.Readable(r.Body) is var text && text.Contains("已超出合同时限", StringComparison.Ordinal) && text.Contains("截止时间", StringComparison.Ordinal));

        Assert.DoesNotContain(failed.Pages, p => p.Reason == PageReason.Breach);
        Assert.Equal([.. Enumerable.Repeat(502, 6), 201], reminders);
        // ... nor posts the reminder again: its page shows it was posted.
        Assert.Equal(1, postedInAll);
        var timeline = await _incidents.Store.ReadTimelineAsync(id, default);
        Assert.Single(timeline, e => e.Type == "sla.breached");
        var page = Assert.Single((await _incidents.Store.GetAsync(id, default))!.Incident.Pages, p => p.Reason == PageReason.Breach);
        Assert.Equal($"⛔ {id} · 确认：已超出合同时限", page.Message);
    }
}
