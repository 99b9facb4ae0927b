using System.Text.Json.Nodes;
using ChatOps.Incidents.Timeline;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Approvals;

/// <summary>The evidence register's events are on the audit too, read from their data alone.</summary>
public sealed class AuditEvidenceTests
{
    [Fact]
    public void Evidence_and_its_custody_transfers_are_exported_from_their_data()
    {
        var scenario = AuditScenario.Run();
        var incident = scenario.Incident;
        var added = TimelineEvent.Append(incident.TimelineHead, incident.Version + 1, "evidence.added", Now.AddMinutes(20), Responder.AadObjectId,
            new JsonObject { ["evidence"] = "EV-01", ["sha256"] = new string('a', 64), ["description"] = "Memory image of web-01" });
        var custody = TimelineEvent.Append(added.Hash, added.Sequence + 1, "evidence.custody", Now.AddMinutes(30), Responder.AadObjectId,
            new JsonObject { ["evidence"] = "EV-01", ["from"] = Responder.AadObjectId, ["to"] = "aad-lab", ["reason"] = "-> forensic lab" });
        var stored = AuditScenario.Snapshot(incident, custody.Sequence, custody.Hash);

        var export = scenario.Export([.. scenario.Events, added, custody], stored);

        Assert.True(export.Chain.Intact);
        var rows = Csv.Records(export.Csv);
        Assert.Equal(("evidence.added", "EV-01", "Memory image of web-01", "Riley Responder"), (rows[^2]["event"], rows[^2]["request"], rows[^2]["text"], rows[^2]["actor_name"]));
        Assert.Equal(("evidence.custody", "EV-01", "'-> forensic lab", custody.Hash), (rows[^1]["event"], rows[^1]["request"], rows[^1]["text"], rows[^1]["event_sha256"]));
        Assert.Contains("\"to\":\"aad-lab\"", rows[^1]["data"], StringComparison.Ordinal);
        Assert.Equal("aad-lab", (string)AuditScenario.Json(export)["events"]!.AsArray()[^1]!["data"]!["to"]!);
    }
}
