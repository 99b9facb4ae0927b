using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;
using static ChatOps.Incidents.Tests.Approvals.ApprovalFixture;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Approvals;

/// <summary>
/// An incident whose record holds one of everything the audit exports: a request and its revision, a replayed old
/// card and a stranger (both refused), an approval, a second request rejected with a formula for a comment, break glass.
/// </summary>
internal sealed class AuditScenario
{
    public const string Comment = "同意, but \"back up first\"\n先电话通知我";
    public const string Formula = "=cmd|' /C calc'!A0";
    public const string Justification = "Ransomware is spreading to the file servers now";
    public static readonly Person Mallory = new("aad-mallory", "Mallory");

    public Incident Incident { get; private init; } = null!;
    public List<TimelineEvent> Events { get; } = [];
    public string FirstHash { get; private set; } = "";
    public string SecondHash { get; private set; } = "";

    public static AuditScenario Run()
    {
        var (incident, declared) = Incident.Declare(
            "INC-2026-0001", "contoso", Playbook, Playbook.FindType("web-defacement")!, Playbook.FindSeverity("P1")!,
            "Homepage defaced", "The homepage shows a ransom note.", Commander, Responder, Now);
        var scenario = new AuditScenario { Incident = incident };
        var events = scenario.Events;
        events.AddRange(declared);
        var (request, requested) = incident.RequestApproval(Playbook, "CP-09", Isolate, Contoso().Approval, Responder, Now.AddMinutes(1));
        events.AddRange(requested);
        scenario.FirstHash = request.ProposalHash;
        events.AddRange(incident.ReviseApproval(request.Id, Isolate with { Window = "Saturday 02:00–03:00 CST" }, Contoso().Approval, Responder, Now.AddMinutes(2)));
        scenario.SecondHash = request.ProposalHash;
        events.AddRange(incident.RecordRefusal(request.Id, Rules.ProposalSuperseded, scenario.FirstHash, Tenant, Megan, Now.AddMinutes(3)));
        events.AddRange(incident.RecordRefusal(request.Id, Rules.NotAnApprover, scenario.SecondHash, Tenant, Mallory, Now.AddMinutes(4)));
        events.AddRange(incident.Decide(request.Id, scenario.SecondHash, DecisionKind.Approve, Comment, Contoso(), Tenant, Megan, Now.AddMinutes(5)));
        var (second, again) = incident.RequestApproval(Playbook, "CP-12", Isolate with { Action = "Wipe and rebuild web-01" }, Contoso().Approval, Responder, Now.AddMinutes(6));
        events.AddRange(again);
        events.AddRange(incident.Decide(second.Id, second.ProposalHash, DecisionKind.Reject, Formula, Contoso(), Tenant, Adele, Now.AddMinutes(7)));
        events.AddRange(incident.BreakGlass(Playbook, "CP-12", Justification, Commander, Now.AddMinutes(8)));
        return scenario;
    }

    public AuditExport Export(IReadOnlyList<TimelineEvent>? events = null, Incident? incident = null) =>
        AuditExport.Build(incident ?? Incident, events ?? Events, Contoso(), Now.AddHours(1));

    /// <summary>The incident as stored, with its version and head moved (as if events had been recorded through it).</summary>
    public static Incident Snapshot(Incident incident, long? version = null, string? head = null)
    {
        var json = JsonSerializer.SerializeToNode(incident)!.AsObject();
        if (version is not null)
            json["Version"] = version;
        if (head is not null)
            json["TimelineHead"] = head;
        return json.Deserialize<Incident>()!;
    }

    public static JsonObject Json(AuditExport export) => JsonNode.Parse(export.Json)!.AsObject();

    public static string Text(byte[] csv) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(csv.AsSpan(3));
}

/// <summary>An RFC 4180 reader, to read the export back as a spreadsheet would.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '"' && i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (!quoted && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
                field.Append(c);
        }
        Assert.Empty(row);
        return rows;
    }

    /// <summary>The rows as records keyed by the header.</summary>
    public static List<Dictionary<string, string>> Records(byte[] csv)
    {
        var rows = Parse(AuditScenario.Text(csv));
        return [.. rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }
}
