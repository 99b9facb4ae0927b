using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;
using static ChatOps.Incidents.Tests.Evidence.EvidenceFixture;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Evidence;

public sealed class CustodyChainTests
{
    [Fact]
    public void The_collector_holds_an_item_until_it_is_handed_over_and_each_hand_over_starts_from_the_last_holder()
    {
        var incident = Declare();
        incident.AddEvidence(Draft(), Commander, Now);
        Assert.Equal(Responder, incident.Evidence[0].Custodian);

        var first = Assert.Single(incident.TransferCustody("EV-001", Analyst, " To the lab ", Commander, Now.AddHours(1)));
        var second = Assert.Single(incident.TransferCustody("ev-001", Commander, null, Analyst, Now.AddHours(2)));

        var custody = incident.Evidence[0].Custody;
        Assert.Equal([(Responder, Analyst, "To the lab"), (Analyst, Commander, (string?)null)], custody.Select(t => (t.From, t.To, t.Note)));
        Assert.Equal([Commander, Analyst], custody.Select(t => t.By));
        Assert.Equal(Now.AddHours(2), custody[1].At);
        Assert.Equal(Commander, incident.Evidence[0].Custodian);
        Assert.Equal("evidence.custody", first.Type);
        Assert.Equal((Responder.AadObjectId, Analyst.AadObjectId, "To the lab"), ((string?)first.Data["from"], (string?)first.Data["to"], (string?)first.Data["note"]));
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.True(second.HashIsValid);
    }

    [Fact]
    public void A_hand_over_to_the_current_holder_is_refused()
    {
        var incident = Declare();
        incident.AddEvidence(Draft(), Responder, Now);

        var error = Assert.Throws<IncidentRuleException>(() => incident.TransferCustody("EV-001", Responder, null, Commander, Now));

        Assert.Equal(Rules.EvidenceSameCustodian, error.Rule);
        Assert.Equal([Responder.Name, "EV-001"], error.Arguments);
        Assert.Empty(incident.Evidence[0].Custody);
    }

    [Fact]
    public void An_unknown_item_is_named_in_the_refusal()
    {
        var incident = Declare();

        var error = Assert.Throws<IncidentRuleException>(() => incident.TransferCustody("EV-404", Analyst, null, Commander, Now));

        Assert.Equal(Rules.EvidenceUnknown, error.Rule);
        Assert.Equal(["EV-404"], error.Arguments);
        Assert.Equal(1, incident.Version);
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused_not_cut()
    {
        var incident = Declare();
        incident.AddEvidence(Draft(), Responder, Now);

        var error = Assert.Throws<IncidentRuleException>(() => incident.TransferCustody("EV-001", Analyst, new string('n', 501), Responder, Now));

        Assert.Equal((Rules.EvidenceTooLong, "note"), (error.Rule, error.Arguments[0]));
        Assert.Empty(incident.Evidence[0].Custody);
    }

    [Fact]
    public void A_closed_incidents_evidence_stays_where_it_is()
    {
        var incident = Declare();
        incident.AddEvidence(Draft(), Responder, Now);
        var closed = Closed(incident);

        Assert.Equal(Rules.Closed, Assert.Throws<IncidentRuleException>(() => closed.TransferCustody("EV-001", Analyst, null, Responder, Now)).Rule);
    }

    [Fact]
    public void The_whole_register_history_verifies_as_one_chain()
    {
        var (incident, declared) = Incident.Declare("INC-2026-0010", "contoso", Playbook, Playbook.FindType("webshell")!, Playbook.FindSeverity("P3")!,
            "Evidence walk", "", Commander, Responder, Now);
        List<TimelineEvent> all = [.. declared];

        all.AddRange(incident.AddEvidence(Draft(), Responder, Now));
        all.AddRange(incident.TransferCustody("EV-001", Analyst, "Sealed bag 7", Responder, Now));
        all.AddRange(incident.AddEvidence(Draft("Screenshot of the defaced page"), Analyst, Now));

        Assert.True(ChainVerification.Verify(all, incident.TimelineHead).Intact);
        Assert.Equal(4, incident.Version);
    }
}
