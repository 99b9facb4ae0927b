using System.Globalization;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Reports.Documents;

/// <summary>
/// Each timeline event as one readable line: when (in the client's zone), who, and what, in the report's language.
/// Reads the event's data leniently (as the audit export does): an unknown type or a missing field never fails the report.
/// </summary>
internal static class TimelineLines
{
    public static ListItem Describe(TimelineEvent e, ReportContext c) =>
        new(c.F("Timeline.Line", c.Name(e.Actor), What(e, c)), c.Instant(e.At));

    private static string What(TimelineEvent e, ReportContext c)
    {
        var d = e.Data;
        string? S(string key) => AuditData.Text(d, key);
        return e.Type switch
        {
            "incident.declared" => c.F("Event.incident.declared", S("title"), TypeName(S("type"), c), SeverityName(S("severity"), c)),
            "incident.acknowledged" or "channel.opened" or "message.deleted" => c.T($"Event.{e.Type}"),
            "incident.closed" => c.F("Event.incident.closed", S("report")),
            "message.posted" or "message.edited" => c.F($"Event.{e.Type}", S("text") ?? ""),
            "point.status" when S("reason") is { } reason => c.F("Event.point.status.reason", c.Point(S("point")), c.Status(S("from")), c.Status(S("to")), reason),
            "point.status" => c.F("Event.point.status", c.Point(S("point")), c.Status(S("from")), c.Status(S("to"))),
            "point.assigned" => c.F("Event.point.assigned", c.Point(S("point")), S("name") ?? c.Name(S("assignee"))),
            "point.link" => c.F("Event.point.link", c.Point(S("point")), S("url")),
            "note.added" when S("point") is { } point => c.F("Event.note.added.point", c.Point(point), S("text")),
            "note.added" => c.F("Event.note.added", S("text")),
            "phase.advanced" => c.F("Event.phase.advanced", c.Phase(S("from")), c.Phase(S("to"))),
            "approval.requested" or "approval.revised" =>
                c.F($"Event.{e.Type}", S("request"), c.Point(S("point")), S("revision"), S("action"), ReportContext.Short(S("proposalHash"))),
            "approval.decided" when S("comment") is { } comment =>
                c.F("Event.approval.decided.comment", S("request"), S("revision"), c.Decision(S("decision")), comment),
            "approval.decided" => c.F("Event.approval.decided", S("request"), S("revision"), c.Decision(S("decision"))),
            "approval.refused" => c.F("Event.approval.refused", S("request"), S("rule")),
            "approval.expired" => c.F("Event.approval.expired", S("request")),
            "gate.overridden" => c.F("Event.gate.overridden", c.Point(S("point")), S("justification")),
            "evidence.added" => c.F("Event.evidence.added", S("evidence"), S("item"), ReportContext.Short(S("sha256"))),
            "evidence.custody" when S("note") is { } note =>
                c.F("Event.evidence.custody.note", S("evidence"), S("fromName") ?? c.Name(S("from")), S("toName") ?? c.Name(S("to")), note),
            "evidence.custody" => c.F("Event.evidence.custody", S("evidence"), S("fromName") ?? c.Name(S("from")), S("toName") ?? c.Name(S("to"))),
            "sla.warning" => c.F("Event.sla.warning", c.Clock(S("clock")), S("percent")),
            "sla.breached" => c.F("Event.sla.breached", c.Clock(S("clock")), Duration(S("target"), c), Duration(S("lateBy"), c)),
            "page.sent" => c.F("Event.page.sent", S("page"), c.People(d["targets"]), S("message")),
            "page.escalated" => c.F("Event.page.escalated", S("page"), S("level"), c.People(d["targets"])),
            "page.acked" => c.F("Event.page.acked", S("page")),
            "summary.recorded" => c.F("Event.summary.recorded", c.FieldLabel(S("field"))),
            "report.requested" => c.F("Event.report.requested", S("version"), c.Text.List(ReportContext.Strings(d["languages"]))),
            "report.delivered" or "report.confirmed" => c.F($"Event.{e.Type}", S("version")),
            "report.changes-requested" => c.F("Event.report.changes-requested", S("version"), S("comment")),
            "report.refused" => c.F("Event.report.refused", S("version"), S("rule")),
            _ => c.F("Event.Other", e.Type),
        };
    }

    private static string TypeName(string? id, ReportContext c) => id is not null && c.Playbook.FindType(id) is { } type ? c.In(type.Name) : id ?? "";

    private static string SeverityName(string? id, ReportContext c) =>
        id is not null && c.Playbook.FindSeverity(id) is { } severity ? c.F("Severity.Label", severity.Id, c.In(severity.Name)) : id ?? "";

    private static string Duration(string? invariant, ReportContext c) =>
        TimeSpan.TryParseExact(invariant, "c", CultureInfo.InvariantCulture, out var span) ? c.Text.Duration(span) : invariant ?? "";
}
