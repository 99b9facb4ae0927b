using ChatOps.Bot.Pages;
using ChatOps.Bot.Sla;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Sla;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Pages;

/// <summary>The contoso client pages the security-incident policy (rotations.Development.yaml): primary, then secondary, then Megan.</summary>
public sealed class EscalationTests(FakeClockBot bot) : IClassFixture<FakeClockBot>
{
    private readonly ApprovalHost _incidents = new(bot.Host);

    [Fact]
    public async Task Nobody_acknowledges_so_the_next_level_is_paged_and_an_ack_stops_it()
    {
        var (id, _) = await _incidents.OpenAsync("Escalate me");
        await using var scope = bot.Host.Services.CreateAsyncScope();
        var pager = scope.ServiceProvider.GetRequiredService<PolicyPager>();

        var page = (await pager.StartAsync(id, PageReason.Manual, "Web server beaconing", default))!;
        bot.Time.Advance(TimeSpan.FromMinutes(15));
        await pager.EscalateAsync(id, page.Id, 2, default);
        await pager.EscalateAsync(id, page.Id, 2, default);
        await _incidents.InvokeAsync(ApprovalHost.Alex, new System.Text.Json.Nodes.JsonObject { ["verb"] = "page.ack", ["incidentId"] = id, ["pageId"] = page.Id });
        bot.Time.Advance(TimeSpan.FromMinutes(15));
        await pager.EscalateAsync(id, page.Id, 3, default);

        var stored = (await _incidents.Store.GetAsync(id, default))!.Incident.FindPage(page.Id)!;
        Assert.Equal([1, 2], stored.Rounds.Select(r => r.Level));
        Assert.Equal("Alex Wilber", stored.AckedBy!.Name);
        // Only this page's events: the moved clock may also breach the SLA meanwhile, and that pages too (PG-02).
        var types = (await _incidents.Store.ReadTimelineAsync(id, default))
            .Where(e => e.Type.StartsWith("page.", StringComparison.Ordinal) && (string?)e.Data["page"] == page.Id).Select(e => e.Type);
        Assert.Equal(["page.sent", "page.escalated", "page.acked"], types);
    }

    [Fact]
    public async Task After_a_restart_the_schedule_is_rebuilt_from_the_open_incidents_clocks()
    {
        var (id, _) = await _incidents.OpenAsync("Restarted midway");
        var source = bot.Host.Services.GetServices<IDeadlineSource>().Single();

        var pending = await source.ListPendingAsync(default);

        var mine = pending.Where(p => p.Job.IncidentId == id).ToList();
        Assert.Contains(mine, p => p.Job.Kind == SlaDeadline.Kind && p.Job.TargetId == "acknowledge" && p.Job.Occurrence.StartsWith("50%@", StringComparison.Ordinal));
        Assert.Contains(mine, p => p.Job.TargetId == "respond" && p.Job.Occurrence.StartsWith("50%@", StringComparison.Ordinal));
        Assert.Equal(2, mine.Count); // each running clock's next threshold only; announcing it schedules the one after
    }
}

public sealed class PolicyPageCommandTests(ChatOps.Bot.Tests.Hosting.BotHost host) : IClassFixture<ChatOps.Bot.Tests.Hosting.BotHost>
{
    private readonly ApprovalHost _incidents = new(host);

    [Fact]
    public async Task Page_with_a_policy_pages_its_first_level_and_two_acks_at_once_end_it_once()
    {
        var (id, thread) = await _incidents.OpenAsync("Page the policy");
        var command = _incidents.InThread(thread, "page security-incident Database exfiltration suspected", ApprovalHost.Alex);

        await host.PostAsync(command);

        var answer = await host.Connector.WaitForAsync(r => r.Body.Contains((string)command["id"]!, StringComparison.Ordinal));
        Assert.Contains("PG-01", answer.Body, StringComparison.Ordinal);
        var ack = new System.Text.Json.Nodes.JsonObject { ["verb"] = "page.ack", ["incidentId"] = id, ["pageId"] = "PG-01" };
        // Whoever is on call now (the rotation turns with the clock), and a responder, at the same moment.
        var onCall = (await _incidents.Store.GetAsync(id, default))!.Incident.FindPage("PG-01")!.Rounds[0].Targets[0];
        var paged = new Actor(onCall.AadObjectId, onCall.Name, ApprovalHost.ContosoTenant);
        await Task.WhenAll(_incidents.InvokeAsync(paged, ack), _incidents.InvokeAsync(ApprovalHost.Alex, (System.Text.Json.Nodes.JsonObject)ack.DeepClone()));
        var timeline = await _incidents.Store.ReadTimelineAsync(id, default);
        Assert.Single(timeline, e => e.Type == "page.acked");
        Assert.Equal("security-incident", (string?)timeline.Single(e => e.Type == "page.sent").Data["policy"]);
    }
}
