using System.Globalization;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Reports;
using ChatOps.Incidents.Sla;
using ChatOps.Incidents.Timeline;
using ChatOps.Reports;

namespace ChatOps.Benchmarks.Reports;

/// <summary>
/// A long incident built through the domain's own methods, about <c>events</c> timeline events spread over the six phases:
/// half notes (most on a control point), point status changes and assignments, evidence and custody, ad-hoc approvals
/// asked and decided, channel messages; the gated points authorised, the summary written, the report requested.
/// </summary>
internal static class ReportWorkload
{
    private static readonly Person Commander = new("aad-commander", "Casey Commander");
    private static readonly Person[] Team = [Commander, new("aad-responder", "Riley Responder"), new("aad-analyst", "Alex Analyst"), new("aad-lin", "林小雨")];
    private static readonly Person Approver = new("aad-megan", "Megan Bowen");

    public static ReportInputs Build(int events)
    {
        var playbook = PlaybookLoader.Load(Path.Combine(AppContext.BaseDirectory, "playbooks", "emergency-response.yaml"));
        var sla = SlaFileLoader.Load(Path.Combine(AppContext.BaseDirectory, "sla", "sla-policies.yaml"));
        var client = new Client("contoso", "Contoso Ltd.", "tenant", "team", "zh-CN", "Asia/Shanghai", playbook.Id, "standard", [Approver], Team[1..]);
        var random = new Random(42);
        var now = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var (incident, declared) = Incident.Declare("INC-2026-0042", "contoso", playbook, playbook.FindType("webshell")!, playbook.Severities[0],
            "Webshell on the order portal", "Alerts from the WAF", Commander, Team[1], now, sla.Policy("standard"));
        var timeline = new List<TimelineEvent>(events + 64);
        timeline.AddRange(declared);
        foreach (var phase in playbook.Phases)
        {
            var target = timeline.Count + ((events - 40) / playbook.Phases.Count);
            while (timeline.Count < target)
            {
                now = now.AddSeconds(random.Next(5, 90));
                timeline.AddRange(Step(incident, playbook, client, phase, random, now));
            }
            foreach (var point in phase.ControlPoints.Where(p => p.IsGated))
            {
                var (request, asked) = incident.RequestApproval(playbook, point.Id, Proposal(point.Id), client.Approval, Team[1], now = now.AddMinutes(1));
                timeline.AddRange(asked);
                timeline.AddRange(incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, "同意", client, "tenant", Approver, now = now.AddMinutes(1)));
            }
            foreach (var point in phase.ControlPoints)
                timeline.AddRange(incident.SetPointStatus(playbook, point.Id, PointStatus.Done, null, Team[1], now = now.AddSeconds(30)));
            if (phase.Id != Playbook.PhaseIds[^1])
                timeline.AddRange(incident.AdvancePhase(playbook, Commander, now = now.AddMinutes(1)));
        }
        foreach (var field in Enum.GetValues<SummaryField>().Where(f => f != SummaryField.FollowUps))
            timeline.AddRange(incident.RecordSummary(field, Text(random, 400), Commander, now = now.AddMinutes(1)));
        var (version, requested) = incident.RequestReport(["zh-CN", "en"], Commander, now = now.AddMinutes(1));
        timeline.AddRange(requested);
        return new ReportInputs(incident, timeline, playbook, client, sla.Policy("standard"), sla.Calendar, version, now.AddMinutes(1));
    }

    private static IReadOnlyList<TimelineEvent> Step(Incident incident, Playbook playbook, Client client, Phase phase, Random random, DateTimeOffset now)
    {
        var by = Team[random.Next(Team.Length)];
        var point = phase.ControlPoints[random.Next(phase.ControlPoints.Count)];
        var roll = random.Next(100);
        return roll switch
        {
            < 35 => incident.AddNote(Text(random, 160), by, now, playbook, point.Id),
            < 50 => incident.AddNote(Text(random, 120), by, now),
            < 62 => incident.SetPointStatus(playbook, point.Id, incident.Points[point.Id].Status == PointStatus.InProgress ? PointStatus.Open : PointStatus.InProgress, null, by, now),
            < 70 => incident.Assign(playbook, point.Id, Team[random.Next(1, Team.Length)], Commander, now),
            < 76 => incident.AddEvidence(Evidence(random, by, now), by, now),
            < 79 when incident.Evidence.Count > 0 => Custody(incident, random, by, now),
            < 87 => Approval(incident, playbook, client, random, now),
            _ => incident.RecordMessage("posted", "m-" + random.Next().ToString(CultureInfo.InvariantCulture), "<p>" + Text(random, 100) + "</p>", by, now),
        };
    }

    private static IReadOnlyList<TimelineEvent> Approval(Incident incident, Playbook playbook, Client client, Random random, DateTimeOffset now)
    {
        var (request, asked) = incident.RequestApproval(playbook, null, Proposal("OP-" + random.Next(1000).ToString(CultureInfo.InvariantCulture)), client.Approval, Team[1], now);
        return [.. asked, .. incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, client, "tenant", Approver, now.AddSeconds(20))];
    }

    private static IReadOnlyList<TimelineEvent> Custody(Incident incident, Random random, Person by, DateTimeOffset now)
    {
        var item = incident.Evidence[random.Next(incident.Evidence.Count)];
        var to = Team.First(p => p.AadObjectId != item.Custodian.AadObjectId);
        return incident.TransferCustody(item.Id, to, "Handed over for analysis", by, now);
    }

    private static EvidenceDraft Evidence(Random random, Person by, DateTimeOffset now) =>
        new(EvidenceKind.Log, "Access log " + random.Next(10_000).ToString(CultureInfo.InvariantCulture), "web-01", by, now.AddMinutes(-5),
            Convert.ToHexStringLower(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 32)), "Evidence locker B");

    private static Proposal Proposal(string action) =>
        new($"Block {action} at the firewall", "fw-01, web-01", "Short outage of the portal", "Remove the rule", "Orders paused 5 min", "Now");

    private static readonly string[] Words = ["webshell", "日志", "firewall", "已隔离", "IOC", "203.0.113.7", "上传目录", "checked", "the", "and", "备份", "恶意进程", "patched"];

    private static string Text(Random random, int length)
    {
        var text = new System.Text.StringBuilder();
        while (text.Length < length)
            text.Append(Words[random.Next(Words.Length)]).Append(' ');
        return text.ToString().Trim();
    }
}
