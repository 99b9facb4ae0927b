using System.Text.Json;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;
using static ChatOps.Incidents.Tests.Evidence.EvidenceFixture;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Evidence;

public sealed class EvidenceRegisterTests
{
    [Fact]
    public void Items_are_numbered_in_order_and_the_hash_is_kept_lower_case()
    {
        var incident = Declare();

        incident.AddEvidence(Draft(), Responder, Now);
        var events = incident.AddEvidence(Draft("Web server access logs") with { Kind = EvidenceKind.Log }, Commander, Now);

        Assert.Equal(["EV-001", "EV-002"], incident.Evidence.Select(e => e.Id));
        Assert.Equal(Sha.ToLowerInvariant(), incident.Evidence[0].Sha256);
        var added = Assert.Single(events);
        Assert.Equal("evidence.added", added.Type);
        Assert.Equal("EV-002", (string?)added.Data["evidence"]);
        Assert.Equal("log", (string?)added.Data["kind"]);
        Assert.Equal(Commander.AadObjectId, added.Actor);
    }

    [Fact]
    public void The_added_event_records_every_field_and_extends_the_hash_chain()
    {
        var (incident, declared) = Incident.Declare("INC-2026-0009", "contoso", Playbook, Playbook.FindType("webshell")!, Playbook.FindSeverity("P2")!,
            "Webshell", "", Commander, Responder, Now);

        var added = Assert.Single(incident.AddEvidence(Draft() with { SubmissionId = "form-1" }, Responder, Now));

        Assert.Equal(
            ["collectedAt", "collectedBy", "collectedByName", "evidence", "item", "kind", "location", "sha256", "source", "submission"],
            added.Data.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("2026-11-23T08:00:00.0000000+00:00", (string?)added.Data["collectedAt"]);
        Assert.Equal("Evidence locker B, drive 3", (string?)added.Data["location"]);
        Assert.Equal(declared[0].Hash, added.PreviousHash);
        Assert.True(ChainVerification.Verify([.. declared, added], incident.TimelineHead).Intact);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a088")]
    [InlineData("zf86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\nx")]
    public void A_hash_that_is_not_64_hex_characters_is_refused(string sha256)
    {
        var incident = Declare();

        var error = Assert.Throws<IncidentRuleException>(() => incident.AddEvidence(Draft(sha256: sha256), Responder, Now));

        Assert.Equal(Rules.EvidenceSha256Invalid, error.Rule);
        Assert.Empty(incident.Evidence);
        Assert.Equal(1, incident.Version);
    }

    [Fact]
    public void Every_missing_or_too_long_field_is_named_and_long_text_is_refused_not_cut()
    {
        var draft = new EvidenceDraft(EvidenceKind.Screenshot, " ", new string('s', 501), Responder, Now, "", new string('位', 500));

        var problems = draft.Problems(Now);

        Assert.Equal(
            [("item", Rules.EvidenceFieldRequired), ("source", Rules.EvidenceTooLong), ("sha256", Rules.EvidenceFieldRequired)],
            problems.Select(p => (p.Field, p.Refusal.Rule)));
        Assert.Equal(["source", "500"], problems[1].Refusal.Arguments);
        Assert.Equal(Rules.EvidenceFieldRequired, Assert.Throws<IncidentRuleException>(() => Declare().AddEvidence(draft, Responder, Now)).Rule);
    }

    [Fact]
    public void A_collection_time_in_the_future_is_refused_beyond_a_minute_of_clock_skew()
    {
        var incident = Declare();

        incident.AddEvidence(Draft(collectedAt: Now.AddSeconds(59)), Responder, Now);
        var error = Assert.Throws<IncidentRuleException>(() => incident.AddEvidence(Draft(collectedAt: Now.AddMinutes(2)), Responder, Now));

        Assert.Equal(Rules.EvidenceCollectedInFuture, error.Rule);
        Assert.Single(incident.Evidence);
    }

    [Fact]
    public void The_same_form_submitted_twice_registers_one_item()
    {
        var incident = Declare();

        incident.AddEvidence(Draft() with { SubmissionId = "form-1" }, Responder, Now);
        var again = incident.AddEvidence(Draft() with { SubmissionId = "form-1" }, Responder, Now);

        Assert.Empty(again);
        Assert.Equal("EV-001", Assert.Single(incident.Evidence).Id);
        Assert.Equal("EV-001", incident.FindEvidenceSubmission("form-1")?.Id);
    }

    [Fact]
    public void A_closed_incident_takes_no_evidence()
    {
        var incident = Closed(Declare());

        Assert.Equal(Rules.Closed, Assert.Throws<IncidentRuleException>(() => incident.AddEvidence(Draft(), Responder, Now)).Rule);
    }

    [Fact]
    public void The_register_survives_the_stores_serialisation_with_kinds_by_name()
    {
        var incident = Declare();
        incident.AddEvidence(Draft(), Responder, Now);
        incident.TransferCustody("EV-001", Analyst, "For imaging", Responder, Now);

        var json = JsonSerializer.Serialize(incident);
        var loaded = JsonSerializer.Deserialize<Incident>(json)!;

        Assert.Contains("\"volatile-data\"", json, StringComparison.Ordinal);
        var item = Assert.Single(loaded.Evidence);
        Assert.Equal(incident.Evidence[0] with { Custody = [] }, item with { Custody = [] });
        Assert.Equal(incident.Evidence[0].Custody, item.Custody);
        Assert.Equal(Analyst, item.Custodian);
    }
}
