using System.Text.Json.Nodes;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Incidents;
using static ChatOps.Incidents.Tests.Approvals.ApprovalFixture;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Approvals;

/// <summary>The client's audit copy: every approval event with its hashes, in CSV a spreadsheet reads safely and in JSON.</summary>
public sealed class AuditExportTests
{
    [Fact]
    public void A_request_its_revision_refusals_decisions_and_an_override_are_rows_with_their_hashes()
    {
        var scenario = AuditScenario.Run();

        var export = scenario.Export();

        var rows = Csv.Records(export.Csv);
        Assert.Equal(
            ["approval.requested", "approval.revised", "approval.refused", "approval.refused", "approval.decided", "approval.requested", "approval.decided", "gate.overridden"],
            rows.Select(r => r["event"]));
        Assert.Equal(("APR-01", "CP-09", "1", scenario.FirstHash, "Riley Responder", "Pending"), Pick(rows[0], "request", "point", "revision", "proposal_sha256", "actor_name", "outcome"));
        Assert.Equal(("APR-01", "CP-09", "2", scenario.SecondHash, "Riley Responder", "Pending"), Pick(rows[1], "request", "point", "revision", "proposal_sha256", "actor_name", "outcome"));
        Assert.Equal(("1", scenario.FirstHash, "Megan Bowen", "approval.superseded", Tenant, "CP-09"), Pick(rows[2], "revision", "proposal_sha256", "actor_name", "text", "tenant", "point"));
        Assert.Equal(("aad-mallory", "", "approval.not-an-approver", "Refused"), (rows[3]["actor_entra_id"], rows[3]["actor_name"], rows[3]["text"], rows[3]["outcome"]));
        Assert.Equal(("2", scenario.SecondHash, "aad-megan", "Approve", AuditScenario.Comment, Tenant), Pick(rows[4], "revision", "proposal_sha256", "actor_entra_id", "outcome", "text", "tenant"));
        Assert.Equal(("CP-12", "Casey Commander", "Overridden", AuditScenario.Justification), (rows[7]["point"], rows[7]["actor_name"], rows[7]["outcome"], rows[7]["text"]));
        Assert.All(rows, r => Assert.Equal(scenario.Events[int.Parse(r["sequence"], System.Globalization.CultureInfo.InvariantCulture) - 1].Hash, r["event_sha256"]));
        Assert.Equal(new AuditCounts(2, 2, 2, 1), export.Counts);
    }

    [Fact]
    public void The_json_holds_every_revisions_hash_and_text_the_decisions_refusals_overrides_and_the_verified_head()
    {
        var scenario = AuditScenario.Run();

        var json = AuditScenario.Json(scenario.Export());

        Assert.Equal((scenario.Incident.TimelineHead, true, scenario.Events.Count), ((string)json["timeline"]!["head"]!, (bool)json["timeline"]!["chain"]!["intact"]!, (int)json["timeline"]!["events"]!));
        Assert.Equal(("INC-2026-0001", "contoso", "Asia/Shanghai"), ((string)json["incident"]!["id"]!, (string)json["client"]!["id"]!, (string)json["client"]!["timeZone"]!));
        var request = json["requests"]![0]!;
        Assert.Equal([scenario.FirstHash, scenario.SecondHash], request["revisions"]!.AsArray().Select(r => (string)r!["proposalHash"]!));
        Assert.Equal(["Tonight 22:00–23:00 CST", "Saturday 02:00–03:00 CST"], request["revisions"]!.AsArray().Select(r => (string)r!["proposal"]!["window"]!));
        Assert.Equal(("Saturday 02:00–03:00 CST", scenario.SecondHash), ((string)request["proposal"]!["window"]!, (string)request["proposalHash"]!));
        var decision = request["decisions"]!.AsArray().Single()!;
        Assert.Equal((scenario.SecondHash, "Approve", "Megan Bowen", AuditScenario.Comment, true), ((string)decision["proposalHash"]!, (string)decision["decision"]!, (string)decision["by"]!["name"]!, (string)decision["comment"]!, (bool)decision["counts"]!));
        Assert.Equal([scenario.FirstHash, scenario.SecondHash], request["refusals"]!.AsArray().Select(r => (string)r!["proposalHash"]!));
        Assert.Equal(("CP-12", AuditScenario.Justification), ((string)json["overrides"]![0]!["point"]!, (string)json["overrides"]![0]!["justification"]!));
        Assert.Equal(8, json["events"]!.AsArray().Count);
        Assert.Equal("Wipe and rebuild web-01", (string)json["events"]![5]!["data"]!["action"]!);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData(null, "")]
    public void A_field_with_a_quote_comma_or_line_break_is_quoted_and_a_formula_is_defused(string? value, string field) =>
        Assert.Equal(field, AuditCsv.Field(value));

    [Fact]
    public void The_csv_is_utf8_with_a_byte_order_mark_crlf_rows_and_a_formula_comment_stays_text()
    {
        var export = AuditScenario.Run().Export();

        Assert.Equal([0xEF, 0xBB, 0xBF], export.Csv[..3]);
        var text = AuditScenario.Text(export.Csv);
        Assert.StartsWith(string.Join(',', AuditCsv.Header) + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"同意, but \"\"back up first\"\"\n先电话通知我\"", text, StringComparison.Ordinal);
        var rejected = Csv.Records(export.Csv).Single(r => r["outcome"] == "Reject");
        Assert.Equal("'" + AuditScenario.Formula, rejected["text"]);
        Assert.DoesNotContain(",=cmd", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_event_is_timed_in_utc_and_in_the_clients_time_zone()
    {
        var export = AuditScenario.Run().Export();

        var decided = Csv.Records(export.Csv).Single(r => r["outcome"] == "Approve");

        Assert.Equal(("2026-11-23T10:05:00.000Z", "2026-11-23T18:05:00.000+08:00"), (decided["time_utc"], decided["time_client"]));
        Assert.Equal("2026-11-23T18:05:00.000+08:00", (string)AuditScenario.Json(export)["events"]![4]!["clientTime"]!);
        Assert.Equal("INC-2026-0001-audit-20261123T110000Z.csv", export.FileName("csv"));
    }

    [Fact]
    public void An_altered_event_is_named_as_the_first_broken_link()
    {
        var scenario = AuditScenario.Run();
        var events = scenario.Events.ToList();
        var decided = events.FindIndex(e => e.Type == "approval.decided");
        var forged = (JsonObject)events[decided].Data.DeepClone();
        forged["decision"] = "Reject";
        events[decided] = events[decided] with { Data = forged };

        var export = scenario.Export(events);

        Assert.Equal((false, (long?)decided + 1), (export.Chain.Intact, export.Chain.BrokenAt));
        var chain = AuditScenario.Json(export)["timeline"]!["chain"]!;
        Assert.Equal((false, decided + 1), ((bool)chain["intact"]!, (int)chain["firstBrokenAt"]!));
    }

    [Fact]
    public void Events_recorded_after_the_state_was_read_wait_for_the_next_export()
    {
        var scenario = AuditScenario.Run();
        var read = AuditScenario.Snapshot(scenario.Incident);
        var later = scenario.Incident.RecordRefusal("APR-01", Rules.NotAnApprover, null, Tenant, AuditScenario.Mallory, Now.AddMinutes(30));

        var export = scenario.Export([.. scenario.Events, .. later], read);

        Assert.True(export.Chain.Intact);
        Assert.Equal(2, export.Counts.Refusals);
        Assert.Equal(read.TimelineHead, export.Head);
    }

    private static (string, string, string, string, string, string) Pick(Dictionary<string, string> row, params string[] columns) =>
        (row[columns[0]], row[columns[1]], row[columns[2]], row[columns[3]], row[columns[4]], row[columns[5]]);
}
