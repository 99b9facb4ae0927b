using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Incidents;
using static ChatOps.Incidents.Tests.Approvals.ApprovalFixture;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Approvals;

/// <summary>Who may decide on a request, and on what: the authorisation matrix of the client's approvals.</summary>
public sealed class ApprovalDecisionTests
{
    public static TheoryData<string, Person, string?> NotApprovers => new()
    {
        { "responder", Responder, Tenant },
        { "commander", Commander, Tenant },
        { "approver signed in to another tenant", Megan, "tenant-elsewhere" },
        { "guest (approver's id, no tenant)", Megan, null },
        { "unknown user", new Person("aad-stranger", "Stranger"), Tenant },
    };

    [Theory]
    [MemberData(nameof(NotApprovers))]
    public void Only_the_clients_approvers_in_its_tenant_decide(string who, Person by, string? tenant)
    {
        var (incident, request) = Requested();

        var error = Assert.Throws<IncidentRuleException>(() => incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, Contoso(), tenant, by, Now));

        Assert.True(error.Rule == Rules.NotAnApprover, who);
        Assert.Empty(incident.Authorised);
        Assert.Equal(ApprovalStatus.Pending, request.Status);
    }

    [Fact]
    public void An_approval_by_a_designated_approver_authorises_the_point_and_is_recorded_with_the_hash()
    {
        var (incident, request) = Requested(point: "CP-02");

        var events = incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, Contoso(), Tenant, Megan, Now.AddMinutes(5));

        Assert.Equal(ApprovalStatus.Approved, request.Status);
        Assert.Contains("CP-02", incident.Authorised);
        var e = Assert.Single(events);
        Assert.Equal(("approval.decided", request.ProposalHash, "Approved"), (e.Type, e.Data["proposalHash"]!.GetValue<string>(), e.Data["status"]!.GetValue<string>()));
        incident.SetPointStatus(Playbook, "CP-02", PointStatus.Done, null, Responder, Now);
    }

    [Fact]
    public void A_replayed_card_of_a_superseded_proposal_is_refused_and_editing_voids_earlier_decisions()
    {
        var (incident, request) = Requested(quorum: 2);
        var shownFirst = request.ProposalHash;
        incident.Decide(request.Id, shownFirst, DecisionKind.Approve, null, Contoso(2), Tenant, Megan, Now);

        incident.ReviseApproval(request.Id, Isolate with { Window = "Tomorrow 02:00–03:00 CST" }, Contoso(2).Approval, Responder, Now);
        var replay = Assert.Throws<IncidentRuleException>(() => incident.Decide(request.Id, shownFirst, DecisionKind.Approve, null, Contoso(2), Tenant, Adele, Now));

        Assert.Equal(Rules.ProposalSuperseded, replay.Rule);
        Assert.NotEqual(shownFirst, request.ProposalHash);
        Assert.Equal((2, 0), (request.Revision, request.Approvals));
        Assert.Single(request.Decisions);
    }

    [Fact]
    public void Revising_an_approved_proposal_withdraws_the_authorisation()
    {
        var (incident, request) = Requested();
        incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, Contoso(), Tenant, Megan, Now);

        var events = incident.ReviseApproval(request.Id, Isolate with { Systems = "web-01, web-02" }, Contoso().Approval, Responder, Now);

        Assert.DoesNotContain("CP-09", incident.Authorised);
        Assert.Equal(ApprovalStatus.Pending, request.Status);
        Assert.True(Assert.Single(events).Data["withdrawnAuthorisation"]!.GetValue<bool>());
    }

    [Fact]
    public void Two_of_two_needs_both_approvers_and_one_approver_cannot_count_twice()
    {
        var (incident, request) = Requested(quorum: 2);

        incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, Contoso(2), Tenant, Megan, Now);
        Assert.Equal((ApprovalStatus.Pending, 1), (request.Status, request.Approvals));
        Assert.Equal(Rules.AlreadyDecided, Assert.Throws<IncidentRuleException>(() =>
            incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, Contoso(2), Tenant, Megan, Now)).Rule);
        Assert.Empty(incident.Authorised);

        incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, Contoso(2), Tenant, Adele, Now);
        Assert.Equal(ApprovalStatus.Approved, request.Status);
        Assert.Contains("CP-09", incident.Authorised);
    }

    [Fact]
    public void Reject_and_request_changes_need_a_comment_within_the_limit()
    {
        var (incident, request) = Requested();

        Assert.Equal(Rules.CommentRequired, Assert.Throws<IncidentRuleException>(() =>
            incident.Decide(request.Id, request.ProposalHash, DecisionKind.Reject, "  ", Contoso(), Tenant, Megan, Now)).Rule);
        Assert.Equal(Rules.TextTooLong, Assert.Throws<IncidentRuleException>(() =>
            incident.Decide(request.Id, request.ProposalHash, DecisionKind.RequestChanges, new string('x', Incident.MaxComment + 1), Contoso(), Tenant, Megan, Now)).Rule);
        Assert.Equal(ApprovalStatus.Pending, request.Status);

        incident.Decide(request.Id, request.ProposalHash, DecisionKind.RequestChanges, "Use a maintenance window", Contoso(), Tenant, Megan, Now);
        Assert.Equal(ApprovalStatus.ChangesRequested, request.Status);
        Assert.Equal(Rules.ApprovalDecided, Assert.Throws<IncidentRuleException>(() =>
            incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, Contoso(), Tenant, Adele, Now)).Rule);
        Assert.Empty(incident.Authorised);
    }

    [Fact]
    public void An_expired_request_cannot_be_approved_until_it_is_revised()
    {
        var (incident, request) = Requested();
        var late = Now.AddHours(25);

        Assert.Equal(Rules.ApprovalExpired, Assert.Throws<IncidentRuleException>(() =>
            incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, Contoso(), Tenant, Megan, late)).Rule);
        Assert.Equal("approval.expired", Assert.Single(incident.ExpireApprovals(Responder, late)).Type);
        Assert.Equal(ApprovalStatus.Expired, request.Status);

        incident.ReviseApproval(request.Id, Isolate with { Window = "Tomorrow night" }, Contoso().Approval, Responder, late);
        incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, Contoso(), Tenant, Megan, late);
        Assert.Contains("CP-09", incident.Authorised);
    }

    [Fact]
    public void A_decision_on_a_closed_or_unknown_request_is_refused_and_a_refusal_is_on_the_chain()
    {
        var (incident, request) = Requested();

        Assert.Equal(Rules.UnknownApproval, Assert.Throws<IncidentRuleException>(() =>
            incident.Decide("APR-99", "x", DecisionKind.Approve, null, Contoso(), Tenant, Megan, Now)).Rule);
        var refusal = Assert.Single(incident.RecordRefusal(request.Id, Rules.NotAnApprover, request.ProposalHash, Tenant, Responder, Now));

        Assert.Equal(("approval.refused", incident.TimelineHead), (refusal.Type, refusal.Hash));
        Assert.Equal(Rules.NotAnApprover, refusal.Data["rule"]!.GetValue<string>());
    }

    internal static (Incident Incident, ApprovalRequest Request) Requested(int quorum = 1, string point = "CP-09")
    {
        var incident = Declare();
        var (request, _) = incident.RequestApproval(Playbook, point, Isolate, Contoso(quorum).Approval, Responder, Now);
        return (incident, request);
    }
}
