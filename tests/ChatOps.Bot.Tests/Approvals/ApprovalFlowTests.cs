using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Checklists;
using static ChatOps.Bot.Tests.Approvals.ApprovalHost;

namespace ChatOps.Bot.Tests.Approvals;

public sealed class ApprovalFlowTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly ApprovalHost _approvals = new(host);

    [Fact]
    public async Task A_request_is_posted_for_the_approvers_and_an_approval_unlocks_the_gated_point_for_everyone()
    {
        var (id, thread) = await _approvals.OpenAsync("Contract to sign");

        var submitted = await _approvals.SubmitAsync(id, "CP-02");
        var posted = await host.Connector.WaitForAsync(r => r.Method == "POST" && r.Path == $"/v3/conversations/{thread}/activities" && r.Body.Contains("approval.refresh", StringComparison.Ordinal));
        var request = Assert.Single((await _approvals.Store.GetAsync(id, default))!.Incident.Approvals);
        var decided = await _approvals.DecideAsync(Megan, id, request.Id, request.ProposalHash, "Approve");

        Assert.Contains("APR-01", submitted, StringComparison.Ordinal);
        Assert.Contains("\"userIds\":[\"user-id-1\",\"user-id-2\"]", Readable(posted.Body), StringComparison.Ordinal);
        Assert.Contains("<at>Megan Bowen</at>", Readable(posted.Body), StringComparison.Ordinal);
        Assert.Contains("Approved by Megan Bowen", decided, StringComparison.Ordinal);
        var incident = (await _approvals.Store.GetAsync(id, default))!.Incident;
        Assert.Contains("CP-02", incident.Authorised);
        await host.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/" + request.CardActivityId, StringComparison.Ordinal) && Readable(r.Body).Contains("Megan Bowen 已批准", StringComparison.Ordinal));
        await host.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/" + incident.Channel!.ChecklistCards["preparation"], StringComparison.Ordinal) && Readable(r.Body).Contains("客户已授权", StringComparison.Ordinal));
        Assert.Contains((await _approvals.Store.ReadTimelineAsync(id, default)), e => e.Type == "approval.decided" && (string)e.Data["proposalHash"]! == request.ProposalHash);
    }

    [Fact]
    public async Task A_request_without_its_rollback_plan_comes_back_with_the_error_beside_the_field_and_nothing_is_stored()
    {
        var (id, _) = await _approvals.OpenAsync("Half a proposal");

        var form = await _approvals.SubmitAsync(id, "CP-09", rollback: " ");

        Assert.Contains("The rollback plan is required", form, StringComparison.Ordinal);
        Assert.Contains("Isolate web-01", form, StringComparison.Ordinal);
        Assert.Empty((await _approvals.Store.GetAsync(id, default))!.Incident.Approvals);
    }

    [Fact]
    public async Task Approvers_get_live_buttons_on_refresh_and_everyone_else_the_record()
    {
        var (id, _) = await _approvals.OpenAsync("Who sees buttons");
        await _approvals.SubmitAsync(id, "CP-09");

        var megan = await _approvals.RefreshAsync(Megan, id, "APR-01");
        var alex = await _approvals.RefreshAsync(Alex, id, "APR-01");
        var meganElsewhere = await _approvals.RefreshAsync(Megan.InTenant(TeamsActivities.TenantId), id, "APR-01");

        Assert.Contains("approval.decide", megan, StringComparison.Ordinal);
        Assert.DoesNotContain("approval.decide", alex, StringComparison.Ordinal);
        Assert.DoesNotContain("approval.decide", meganElsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revision_voids_the_old_card_and_a_replay_of_it_is_refused_and_recorded()
    {
        var (id, _) = await _approvals.OpenAsync("Moving target");
        await _approvals.SubmitAsync(id, "CP-09");
        var first = (await _approvals.Store.GetAsync(id, default))!.Incident.FindApproval("APR-01")!.ProposalHash;

        await _approvals.SubmitAsync(id, "CP-09", requestId: "APR-01");
        var replay = await _approvals.DecideAsync(Megan, id, "APR-01", first, "Approve");

        Assert.Contains("has changed since this card was shown", replay, StringComparison.Ordinal);
        var incident = (await _approvals.Store.GetAsync(id, default))!.Incident;
        Assert.Equal((2, ApprovalStatus.Pending), (incident.FindApproval("APR-01")!.Revision, incident.FindApproval("APR-01")!.Status));
        Assert.DoesNotContain("CP-09", incident.Authorised);
        Assert.Contains(await _approvals.Store.ReadTimelineAsync(id, default), e => e.Type == "approval.refused" && (string)e.Data["rule"]! == "approval.superseded");
    }

    [Fact]
    public async Task Two_approvers_at_once_with_a_quorum_of_one_make_one_decision()
    {
        var (id, _) = await _approvals.OpenAsync("Race to approve");
        await _approvals.SubmitAsync(id, "CP-09");
        var hash = (await _approvals.Store.GetAsync(id, default))!.Incident.FindApproval("APR-01")!.ProposalHash;

        var answers = await Task.WhenAll(
            _approvals.DecideAsync(Megan, id, "APR-01", hash, "Approve"),
            _approvals.DecideAsync(Adele, id, "APR-01", hash, "Reject", "Not tonight"));

        var timeline = await _approvals.Store.ReadTimelineAsync(id, default);
        Assert.Single(timeline, e => e.Type == "approval.decided");
        Assert.Single(answers, a => a.Contains("is no longer open", StringComparison.Ordinal));
    }
}

public sealed class ApprovalListTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly ApprovalHost _approvals = new(host);

    [Fact]
    public async Task Approvals_lists_each_request_with_its_state()
    {
        var (id, thread) = await _approvals.OpenAsync("What was asked");
        await _approvals.SubmitAsync(id, "CP-09");
        var list = _approvals.InThread(thread, "approvals", Alex);

        await host.PostAsync(list);

        var answer = await host.Connector.WaitForAsync(r => r.Body.Contains((string)list["id"]!, StringComparison.Ordinal));
        Assert.Contains("APR-01 · CP-09 Containment method approval · Awaiting the client's decision (0 of 1 approvals so far) (revision 1)", Readable(answer.Body), StringComparison.Ordinal);
    }
}
