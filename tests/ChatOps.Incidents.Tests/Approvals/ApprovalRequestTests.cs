using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Incidents;
using static ChatOps.Incidents.Tests.Approvals.ApprovalFixture;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Approvals;

public sealed class ApprovalRequestTests
{
    [Fact]
    public void A_request_needs_every_field_including_the_rollback_plan()
    {
        var incident = Declare();

        var error = Assert.Throws<IncidentRuleException>(() =>
            incident.RequestApproval(Playbook, "CP-09", Isolate with { Rollback = "  " }, ApprovalPolicy.Default, Responder, Now));

        Assert.Equal((Rules.ProposalFieldRequired, "rollback"), (error.Rule, error.Arguments[0]));
        Assert.Empty(incident.Approvals);
        Assert.Equal(1, incident.Version);
    }

    [Fact]
    public void Over_long_fields_are_refused_not_cut()
    {
        var error = Assert.Throws<IncidentRuleException>(() =>
            Declare().RequestApproval(Playbook, null, Isolate with { Risk = new string('r', Proposal.MaxField + 1) }, ApprovalPolicy.Default, Responder, Now));

        Assert.Equal((Rules.TextTooLong, "risk"), (error.Rule, error.Arguments[0]));
    }

    [Fact]
    public void Requests_are_numbered_hash_what_is_shown_and_expire_by_the_clients_terms()
    {
        var incident = Declare();

        var (first, events) = incident.RequestApproval(Playbook, "CP-09", Isolate, new ApprovalPolicy(2, TimeSpan.FromHours(4)), Responder, Now);
        var (adHoc, _) = incident.RequestApproval(Playbook, null, Isolate, ApprovalPolicy.Default, Responder, Now);

        Assert.Equal(("APR-01", "APR-02", (string?)null), (first.Id, adHoc.Id, adHoc.PointId));
        Assert.Equal((2, Now.AddHours(4)), (first.Quorum, first.ExpiresAt));
        Assert.Equal(64, first.ProposalHash.Length);
        Assert.NotEqual(first.ProposalHash, adHoc.ProposalHash);
        Assert.Equal(first.ProposalHash, Isolate.Hash(incident.Id, "APR-01", 1, "CP-09"));
        Assert.Equal("approval.requested", Assert.Single(events).Type);
    }

    [Fact]
    public void Only_gated_points_take_requests_and_one_open_request_per_point()
    {
        var incident = Declare();

        Assert.Equal(Rules.PointNotGated, Assert.Throws<IncidentRuleException>(() =>
            incident.RequestApproval(Playbook, "CP-01", Isolate, ApprovalPolicy.Default, Responder, Now)).Rule);
        incident.RequestApproval(Playbook, "CP-09", Isolate, ApprovalPolicy.Default, Responder, Now);
        Assert.Equal(Rules.ApprovalAlreadyOpen, Assert.Throws<IncidentRuleException>(() =>
            incident.RequestApproval(Playbook, "CP-09", Isolate, ApprovalPolicy.Default, Responder, Now)).Rule);
    }

    [Fact]
    public void Break_glass_is_the_commanders_alone_needs_a_justification_and_is_kept()
    {
        var incident = Declare();

        Assert.Equal(Rules.OnlyCommander, Assert.Throws<IncidentRuleException>(() =>
            incident.BreakGlass(Playbook, "CP-09", "Ransomware spreading to the file servers now", Responder, Now)).Rule);
        Assert.Equal(Rules.JustificationRequired, Assert.Throws<IncidentRuleException>(() =>
            incident.BreakGlass(Playbook, "CP-09", "urgent", Commander, Now)).Rule);

        var e = Assert.Single(incident.BreakGlass(Playbook, "CP-09", "Ransomware spreading to the file servers now", Commander, Now));

        Assert.Equal("gate.overridden", e.Type);
        Assert.Contains("CP-09", incident.Authorised);
        Assert.Equal(("CP-09", Commander), (Assert.Single(incident.Overrides).PointId, incident.Overrides[0].By));
    }
}
