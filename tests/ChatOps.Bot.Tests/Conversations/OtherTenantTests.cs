using System.Text.Json.Nodes;
using ChatOps.Bot.Pages;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Bot.Tests.Reports;
using ChatOps.Incidents.Pages;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Bot.Tests.Approvals.ApprovalHost;

namespace ChatOps.Bot.Tests.Conversations;

/// <summary>
/// Clicks on an incident's cards by someone signed in to another tenant, and clicks replayed: a polite answer to the
/// clicker alone, nothing changed, and refused decisions on the record.
/// </summary>
public sealed class OtherTenantTests(BotHost host) : IClassFixture<BotHost>
{
    private const string Elsewhere = "99999999-8888-7777-6666-555555555555";
    private static readonly Actor Eve = new("11111111-2222-3333-4444-000000000099", "Eve Elsewhere", Elsewhere);
    private readonly ReportHost _reports = new(host);

    public static TheoryData<string, string> Clicks => new()
    {
        { "checklist.set", "Only the incident's response team can change its checklist" },
        { "phase.advance", "Only the incident's response team can change its checklist" },
        { "evidence.add", "Only the incident's response team can register or hand over evidence" },
        { "summary.submit", "Only the response team writes the summary" },
        { "approval.submit", "Only the incident's responders can ask the client for authorisation" },
        { "approval.decide", "Only the client's designated approvers can decide on APR-01. Your attempt has been recorded" },
        { "page.ack", "Only the people PG-01 reached and the incident's response team can acknowledge it" },
    };

    [Theory]
    [MemberData(nameof(Clicks))]
    public async Task A_person_of_another_tenant_is_refused_politely_and_changes_nothing(string verb, string answer)
    {
        var (id, hash) = await IncidentWithRequestAndPageAsync("Elsewhere " + verb);
        var before = await _reports.Incidents.Store.ReadTimelineAsync(id, default);
        var data = new JsonObject
        {
            ["verb"] = verb, ["incidentId"] = id, ["pointId"] = "CP-01", ["from"] = "Open", ["to"] = "Done", ["phase"] = "preparation",
            ["formId"] = "eve-form", ["kind"] = "Log", ["item"] = "Planted logs", ["sha256"] = new string('a', 64), ["cause"] = "Someone else",
            ["action"] = "Open the firewall", ["systems"] = "fw-1", ["risk"] = "None", ["rollback"] = "None", ["impact"] = "None", ["window"] = "Now",
            ["requestId"] = "APR-01", ["proposalHash"] = hash, ["decision"] = "Approve", ["pageId"] = "PG-01",
        };

        var card = await _reports.Incidents.InvokeAsync(Eve, data);

        Assert.Contains(answer, card, StringComparison.Ordinal);
        var added = (await _reports.Incidents.Store.ReadTimelineAsync(id, default)).Skip(before.Count).ToList();
        Assert.Equal(verb == "approval.decide" ? new[] { "approval.refused" } : [], added.Select(e => e.Type));
        Assert.All(added, e => Assert.Equal(Eve.AadObjectId, (string)e.Actor));
        Assert.Empty((await _reports.Incidents.Store.GetAsync(id, default))!.Incident.Authorised);
    }

    [Fact]
    public async Task An_approver_signed_in_to_another_tenant_cannot_review_the_report_and_the_attempt_is_recorded()
    {
        var (id, _) = await _reports.InSummaryAsync("Report elsewhere");
        var stored = (await _reports.Incidents.Store.GetAsync(id, default))!;
        await _reports.Incidents.Store.SaveAsync(stored, stored.Incident.RequestReport(["en"], stored.Incident.Commander, TimeProvider.System.GetUtcNow()).Events, default);
        var meganElsewhere = Megan.InTenant(Elsewhere);

        var review = await _reports.ReviewAsync(meganElsewhere, id, 1, "Confirm");
        var view = await _reports.ViewAsync(meganElsewhere, id, 1);

        Assert.Contains("Only the client's designated approvers", review, StringComparison.Ordinal);
        Assert.Empty(ReportHost.Links(view));
        var refused = Assert.Single(await _reports.Incidents.Store.ReadTimelineAsync(id, default), e => e.Type == "report.refused");
        Assert.Equal(Megan.AadObjectId, (string)refused.Actor);
        Assert.Equal(Elsewhere, (string?)refused.Data["tenant"]);
        Assert.False((await _reports.Incidents.Store.GetAsync(id, default))!.Incident.IsClosed);
    }

    [Fact]
    public async Task A_decision_delivered_twice_is_made_once_and_a_later_click_on_the_same_card_is_refused()
    {
        var (id, hash) = await IncidentWithRequestAndPageAsync("Replayed decision");
        var click = As(Megan, TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject
        {
            ["verb"] = "approval.decide", ["incidentId"] = id, ["requestId"] = "APR-01", ["proposalHash"] = hash, ["decision"] = "Approve",
        }));

        var first = await (await host.PostAsync(click)).Content.ReadAsStringAsync();
        var redelivered = await (await host.PostAsync(click)).Content.ReadAsStringAsync();
        click["id"] = TeamsActivities.NewId();
        var clickedAgain = Readable(await (await host.PostAsync(click)).Content.ReadAsStringAsync());

        Assert.Equal(first, redelivered);
        Assert.Contains("APR-01 is no longer open (Approved)", clickedAgain, StringComparison.Ordinal);
        Assert.Single(await _reports.Incidents.Store.ReadTimelineAsync(id, default), e => e.Type == "approval.decided");
    }

    /// <summary>An incident with the request APR-01 for CP-09 pending and the page PG-01 sent to the client's on-call policy.</summary>
    private async Task<(string Id, string Hash)> IncidentWithRequestAndPageAsync(string title)
    {
        var (id, _) = await _reports.Incidents.OpenAsync(title);
        await _reports.Incidents.SubmitAsync(id, "CP-09");
        await using var scope = host.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<PolicyPager>().StartAsync(id, PageReason.Manual, "Look at web-01", default));
        return (id, (await _reports.Incidents.Store.GetAsync(id, default))!.Incident.FindApproval("APR-01")!.ProposalHash);
    }
}
