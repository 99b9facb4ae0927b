using System.Text.Json.Nodes;
using ChatOps.Bot.Pages;
using ChatOps.Bot.Sla;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Sla;
using ChatOps.Incidents.Pages;
using ChatOps.Incidents.Sla;
using ChatOps.Jobs.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Telemetry;

/// <summary>On a clock the test moves: SLA thresholds fired through the deadline runner are counted, each run a span.</summary>
public sealed class SlaTelemetryTests(FakeClockBot bot) : IClassFixture<FakeClockBot>
{
    private readonly ApprovalHost _incidents = new(bot.Host);

    [Fact]
    public async Task A_warning_and_a_breach_are_counted_by_clock_and_severity_the_breach_page_too_and_each_run_is_a_span()
    {
        using var metrics = new MetricRecorder(bot.Host.Services);
        using var spans = new SpanRecorder();
        var (id, _) = await _incidents.OpenAsync("Counted clock");
        var declared = (await _incidents.Store.GetAsync(id, default))!.Incident.FindClock("acknowledge")!.StartedAt!.Value;

        // P2: acknowledge within 30 minutes, so 50 % falls due at 15 and the breach at 30.
        bot.Time.Advance(declared.AddMinutes(16) - bot.Time.GetUtcNow());
        System.Diagnostics.ActivityTraceId traceId;
        using (var trace = SpanRecorder.StartTrace("warning"))
        {
            traceId = trace.TraceId;
            await RunAsync(id, 50, declared.AddMinutes(15));
        }
        bot.Time.Advance(declared.AddMinutes(31) - bot.Time.GetUtcNow());
        await RunAsync(id, 100, declared.AddMinutes(30));

        var warning = await metrics.WaitForAsync("chatops.sla.warnings", _ => true);
        Assert.Equal(("acknowledge", "P2", (object)50), ((string?)warning["chatops.sla.clock"], (string?)warning["chatops.incident.severity"], warning["chatops.sla.percent"]));
        var breach = await metrics.WaitForAsync("chatops.sla.breaches", _ => true);
        Assert.Equal(("acknowledge", "P2"), ((string?)breach["chatops.sla.clock"], (string?)breach["chatops.incident.severity"]));
        Assert.Single(metrics.Of("chatops.sla.warnings"), w => (int?)w["chatops.sla.percent"] == 50);
        Assert.Single(metrics.Of("chatops.sla.breaches"));
        await metrics.WaitForAsync("chatops.pages.sent", p => (string?)p["chatops.page.reason"] == "breach");
        var run = Assert.Single(spans.InTrace(traceId), s => s.DisplayName == "deadline sla-threshold");
        Assert.Equal(SlaDeadline.Kind, run.GetTagItem("chatops.deadline.kind"));
        // Hangfire may have run the same occurrence first on the moved clock: then this run found it fired.
        Assert.Contains((string?)run.GetTagItem("chatops.deadline.outcome"), new[] { "fired", "already_fired" });
    }

    private async Task RunAsync(string incidentId, int percent, DateTimeOffset dueAt)
    {
        var job = SlaDeadline.For(new SlaThreshold(incidentId, "acknowledge", percent, dueAt)).Job;
        await using var scope = bot.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineRunner>().RunAsync(job.Kind, job.IncidentId, job.TargetId, job.Occurrence, dueAt, default);
    }
}

/// <summary>A page's life on a clock the test moves (its own host: inbound tokens last 30 minutes of that clock).</summary>
public sealed class PageTelemetryTests(FakeClockBot bot) : IClassFixture<FakeClockBot>
{
    private readonly ApprovalHost _incidents = new(bot.Host);

    [Fact]
    public async Task A_page_sent_escalated_and_acked_is_counted_at_each_step_with_its_time_to_ack()
    {
        using var metrics = new MetricRecorder(bot.Host.Services);
        var (id, _) = await _incidents.OpenAsync("Counted page");
        await using var scope = bot.Host.Services.CreateAsyncScope();
        var pager = scope.ServiceProvider.GetRequiredService<PolicyPager>();

        var page = (await pager.StartAsync(id, PageReason.Manual, "Web server beaconing", default))!;
        bot.Time.Advance(TimeSpan.FromMinutes(15));
        await pager.EscalateAsync(id, page.Id, 2, default);
        await _incidents.InvokeAsync(ApprovalHost.Alex, new JsonObject { ["verb"] = "page.ack", ["incidentId"] = id, ["pageId"] = page.Id });

        static bool Manual(Recorded r) => (string?)r["chatops.page.reason"] == "manual";
        Assert.Single(metrics.Of("chatops.pages.sent"), Manual);
        var escalated = Assert.Single(metrics.Of("chatops.pages.escalated"), Manual);
        Assert.Equal(2, escalated["chatops.page.level"]);
        var acked = Assert.Single(metrics.Of("chatops.pages.acked"), Manual);
        Assert.Equal(2, acked["chatops.page.level"]);
        var timeToAck = Assert.Single(metrics.Of("chatops.page.time_to_ack"), Manual);
        Assert.Equal(TimeSpan.FromMinutes(15).TotalSeconds, timeToAck.Value);
    }
}
