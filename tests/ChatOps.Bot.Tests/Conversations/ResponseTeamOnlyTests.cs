using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Bot.Tests.Reports;

namespace ChatOps.Bot.Tests.Conversations;

/// <summary>Someone in the client's team who is neither on the response team nor an approver: a clear answer, nothing changed.</summary>
public sealed class ResponseTeamOnlyTests(BotHost host) : IClassFixture<BotHost>
{
    private static readonly Actor Lee = new("00000000-0000-0000-0000-0000000000023", "Lee Gu", ApprovalHost.ContosoTenant);

    [Fact]
    public async Task A_bystander_cannot_assign_link_deliverables_or_export_the_audit_but_an_approver_can_export_it()
    {
        var reports = new ReportHost(host);
        var (id, thread) = await reports.Incidents.OpenAsync("Bystanders");

        var assign = await reports.SayAsync(thread, "assign CP-01 @Lee", Lee);
        var deliver = await reports.SayAsync(thread, "deliver CP-01 https://contoso.example/plan.docx", Lee);
        var audit = await reports.SayAsync(thread, "audit", Lee);
        var approverAudit = await reports.SayAsync(thread, "audit", ApprovalHost.Megan);

        Assert.Contains("Only the incident's response team assigns", assign, StringComparison.Ordinal);
        Assert.Contains("Only the incident's response team links", deliver, StringComparison.Ordinal);
        Assert.Contains("for the response team and the client's approvers", audit, StringComparison.Ordinal);
        Assert.Contains("Action.OpenUrl", approverAudit, StringComparison.Ordinal);
        // Their posts are on the record like everyone's; the changes they asked for are not.
        Assert.DoesNotContain(await reports.Incidents.Store.ReadTimelineAsync(id, default), e => e.Type is "point.assigned" or "point.link");
    }
}
