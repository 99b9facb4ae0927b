using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Incidents;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Incidents;

public sealed class IncidentTransitionTests
{
    [Fact]
    public void A_declared_incident_starts_in_preparation_with_every_point_open_and_one_event()
    {
        var (incident, events) = Incident.Declare("INC-2026-0001", "contoso", Playbook, Playbook.FindType("ransomware")!, Playbook.FindSeverity("P2")!,
            " Files encrypted ", "", Commander, Responder, Now);

        Assert.Equal("preparation", incident.Phase);
        Assert.Equal(17, incident.Points.Count);
        Assert.All(incident.Points.Values, p => Assert.Equal(PointStatus.Open, p.Status));
        Assert.Equal("Files encrypted", incident.Title);
        Assert.Equal("incident.declared", Assert.Single(events).Type);
        Assert.Equal(1, incident.Version);
    }

    [Fact]
    public void A_point_moves_through_in_progress_to_done_recording_each_change()
    {
        var incident = Declare();

        var first = incident.SetPointStatus(Playbook, "CP-01", PointStatus.InProgress, null, Responder, Now);
        var second = incident.SetPointStatus(Playbook, "CP-01", PointStatus.Done, null, Responder, Now);
        var again = incident.SetPointStatus(Playbook, "CP-01", PointStatus.Done, null, Responder, Now);

        Assert.Equal(PointStatus.Done, incident.Points["CP-01"].Status);
        Assert.Single(first);
        Assert.Single(second);
        Assert.Empty(again);
        Assert.Equal(3, incident.Version);
    }

    [Fact]
    public void A_gated_point_cannot_be_done_before_the_client_authorises_it()
    {
        var incident = Declare();

        var error = Assert.Throws<IncidentRuleException>(() => incident.SetPointStatus(Playbook, "CP-02", PointStatus.Done, null, Responder, Now));

        Assert.Equal(Rules.PointAwaitsAuthorisation, error.Rule);
        Assert.Equal(PointStatus.Open, incident.Points["CP-02"].Status);
        Assert.Equal(1, incident.Version);
    }

    [Fact]
    public void Not_applicable_needs_a_reason()
    {
        var incident = Declare();

        Assert.Equal(Rules.ReasonRequired, Assert.Throws<IncidentRuleException>(() => incident.SetPointStatus(Playbook, "CP-04", PointStatus.NotApplicable, " ", Responder, Now)).Rule);
        incident.SetPointStatus(Playbook, "CP-04", PointStatus.NotApplicable, "Toolkit already on site", Responder, Now);
        Assert.Equal("Toolkit already on site", incident.Points["CP-04"].Reason);
    }

    [Fact]
    public void Points_of_a_later_phase_cannot_be_touched_yet()
    {
        var incident = Declare();

        var error = Assert.Throws<IncidentRuleException>(() => incident.SetPointStatus(Playbook, "CP-07", PointStatus.InProgress, null, Responder, Now));

        Assert.Equal(Rules.PointNotInCurrentPhase, error.Rule);
    }

    [Fact]
    public void Only_the_commander_advances_and_only_when_mandatory_points_are_settled()
    {
        var incident = Declare();
        Assert.Equal(Rules.OnlyCommander, Assert.Throws<IncidentRuleException>(() => incident.AdvancePhase(Playbook, Responder, Now)).Rule);
        var open = Assert.Throws<IncidentRuleException>(() => incident.AdvancePhase(Playbook, Commander, Now));
        Assert.Equal(Rules.OpenMandatoryPoints, open.Rule);
        Assert.Equal(["CP-01", "CP-02", "CP-03", "CP-04"], open.Arguments);

        foreach (var point in new[] { "CP-01", "CP-03", "CP-04" })
            incident.SetPointStatus(Playbook, point, PointStatus.Done, null, Responder, Now);
        incident.SetPointStatus(Playbook, "CP-02", PointStatus.NotApplicable, "Standing contract signed last year", Commander, Now);
        var gated = Assert.Throws<IncidentRuleException>(() => incident.AdvancePhase(Playbook, Commander, Now));
        Assert.Equal(Rules.PhaseAwaitsAuthorisation, gated.Rule);
        Assert.Equal(["CP-02"], gated.Arguments);

        incident.BreakGlass(Playbook, "CP-02", "Standing contract signed last year; client's CISO agreed by phone", Commander, Now);
        incident.AdvancePhase(Playbook, Commander, Now);

        Assert.Equal("detection", incident.Phase);
    }

    [Fact]
    public void Assigning_and_notes_are_recorded_and_empty_notes_refused()
    {
        var incident = Declare();

        incident.Assign(Playbook, "CP-03", Responder, Commander, Now);
        var note = Assert.Single(incident.AddNote("Called the client's CISO", Responder, Now));

        Assert.Equal(Responder, incident.Points["CP-03"].Assignee);
        Assert.Equal("Called the client's CISO", (string)note.Data["text"]!);
        Assert.Throws<IncidentRuleException>(() => incident.AddNote("  ", Responder, Now));
        incident.AddNote("Scope agreed by phone", Responder, Now, Playbook, "cp-01");
        Assert.Equal("Scope agreed by phone", incident.Points["CP-01"].LastNote);
        Assert.Equal(Rules.UnknownPoint, Assert.Throws<IncidentRuleException>(() => incident.AddNote("x", Responder, Now, Playbook, "CP-42")).Rule);
    }
}

public sealed class IncidentLinkTests
{
    [Fact]
    public void A_deliverable_link_goes_on_its_point_once_and_only_https_is_accepted()
    {
        var incident = Declare();
        var url = new Uri("https://contoso.sharepoint.com/sites/ir/authorisation.pdf");

        var first = incident.AddLink(Playbook, "CP-02", url, Responder, Now);
        var again = incident.AddLink(Playbook, "CP-02", url, Responder, Now);

        Assert.Single(first);
        Assert.Empty(again);
        Assert.Equal(new DeliverableLink("contract", url), Assert.Single(incident.Points["CP-02"].Links));
        Assert.Equal(Rules.HttpsOnly, Assert.Throws<IncidentRuleException>(() => incident.AddLink(Playbook, "CP-02", new Uri("http://plain.example/x"), Responder, Now)).Rule);
        Assert.Equal(Rules.UnknownPoint, Assert.Throws<IncidentRuleException>(() => incident.AddLink(Playbook, "CP-99", url, Responder, Now)).Rule);
    }
}
