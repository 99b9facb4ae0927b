using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Reports;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Incidents;

/// <summary>The Summary phase's inputs and the report's versions, up to the client's confirmation that closes the incident.</summary>
public sealed partial class Incident
{
    public static IReadOnlyList<string> ReportLanguages { get; } = ["zh-CN", "en"];

    [JsonInclude] public List<SummaryEntry> Summary { get; private set; } = [];
    [JsonInclude] public List<ReportVersion> Reports { get; private set; } = [];
    [JsonInclude] public DateTimeOffset? ClosedAt { get; private set; }

    public SummaryEntry? FindSummary(SummaryField field) => Summary.FirstOrDefault(s => s.Field == field);

    public ReportVersion? FindReport(int number) => Reports.FirstOrDefault(r => r.Number == number);

    public ReportVersion? LatestReport => Reports.Count == 0 ? null : Reports[^1];

    /// <summary>Writes one summary field (a new text replaces the old; both stay on the timeline).</summary>
    public IReadOnlyList<TimelineEvent> RecordSummary(SummaryField field, string text, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            throw new IncidentRuleException(Rules.EmptyText, FieldName(field));
        if (trimmed.Length > SummaryEntry.MaxLength)
            throw new IncidentRuleException(Rules.TextTooLong, FieldName(field), SummaryEntry.MaxLength.ToString(CultureInfo.InvariantCulture));
        if (FindSummary(field)?.Text == trimmed)
            return [];
        Summary.RemoveAll(s => s.Field == field);
        Summary.Add(new SummaryEntry(field, trimmed, by, now));
        return [Record("summary.recorded", by, now, new JsonObject { ["field"] = FieldName(field), ["text"] = trimmed })];
    }

    /// <summary>
    /// Asks for a new version of the report (the Summary phase only). One still compiling is returned as it is; a delivered one
    /// nobody confirmed is superseded.
    /// </summary>
    public (ReportVersion Report, IReadOnlyList<TimelineEvent> Events) RequestReport(IReadOnlyList<string> languages, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        if (Phase != Playbook.PhaseIds[^1])
            throw new IncidentRuleException(Rules.ReportNotInSummary, Phase);
        if (languages.Count == 0 || languages.Any(l => !ReportLanguages.Contains(l)))
            throw new IncidentRuleException(Rules.ReportLanguageUnknown, string.Join(", ", languages), string.Join(", ", ReportLanguages));
        if (LatestReport is { Status: ReportStatus.Compiling } compiling)
            return (compiling, []);
        if (LatestReport is { Status: ReportStatus.Delivered } unconfirmed)
            unconfirmed.Status = ReportStatus.Superseded;
        var report = new ReportVersion(Reports.Count + 1, [.. ReportLanguages.Where(languages.Contains)], by, now);
        Reports.Add(report);
        return (report, [Record("report.requested", by, now, new JsonObject
        {
            ["version"] = report.Number, ["languages"] = new JsonArray([.. report.Languages.Select(l => JsonValue.Create(l))]),
        })]);
    }

    /// <summary>The compiled files are stored: the version is delivered to the client (stops the report clock). Idempotent.</summary>
    public IReadOnlyList<TimelineEvent> RecordReportDelivered(int number, IReadOnlyList<ReportFile> files, string timelineHead, long sequence, Person by, DateTimeOffset now)
    {
        var report = FindReport(number);
        if (IsClosed || report is null || report.Status != ReportStatus.Compiling)
            return [];
        report.Status = ReportStatus.Delivered;
        report.Files = [.. files];
        report.TimelineHead = timelineHead;
        report.Sequence = sequence;
        report.DeliveredAt = now;
        var list = new JsonArray([.. files.Select(f => new JsonObject { ["name"] = f.Name, ["sha256"] = f.Sha256, ["size"] = f.Size })]);
        return [Record("report.delivered", by, now, new JsonObject
        {
            ["version"] = number, ["files"] = list, ["head"] = timelineHead, ["sequence"] = sequence,
        })];
    }

    /// <summary>
    /// One of the client's approvers confirms the delivered version, which closes the incident and stops every clock, or
    /// sends it back with a comment. Everyone else is refused with <see cref="Rules.NotAnApprover"/>.
    /// </summary>
    public IReadOnlyList<TimelineEvent> ReviewReport(
        int number, ReportReviewKind kind, string? comment, Client client, string? tenantId, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        var report = FindReport(number) ?? throw new IncidentRuleException(Rules.ReportUnknown, number.ToString(CultureInfo.InvariantCulture));
        if (client.Id != ClientId || !client.MayDecide(by.AadObjectId, tenantId))
            throw new IncidentRuleException(Rules.NotAnApprover, report.Label);
        if (report != LatestReport || report.Status == ReportStatus.Superseded)
            throw new IncidentRuleException(Rules.ReportSuperseded, report.Label, LatestReport!.Label);
        if (report.Status != ReportStatus.Delivered)
            throw new IncidentRuleException(Rules.ReportNotDelivered, report.Label, report.Status.ToString());
        var text = comment?.Trim();
        if (kind == ReportReviewKind.RequestChanges && string.IsNullOrEmpty(text))
            throw new IncidentRuleException(Rules.ReportCommentRequired, report.Label);
        if (text?.Length > MaxComment)
            throw new IncidentRuleException(Rules.TextTooLong, "comment", MaxComment.ToString(CultureInfo.InvariantCulture));
        report.Review = new ReportReview(kind, by, tenantId!, string.IsNullOrEmpty(text) ? null : text, now);
        report.Status = kind == ReportReviewKind.Confirm ? ReportStatus.Confirmed : ReportStatus.ChangesRequested;
        var reviewed = Record(kind == ReportReviewKind.Confirm ? "report.confirmed" : "report.changes-requested", by, now, new JsonObject
        {
            ["version"] = number, ["comment"] = report.Review.Comment, ["tenant"] = tenantId,
            ["files"] = new JsonArray([.. report.Files.Select(f => JsonValue.Create(f.Sha256))]),
        });
        if (kind != ReportReviewKind.Confirm)
            return [reviewed];
        IsClosed = true;
        ClosedAt = now;
        return [reviewed, Record("incident.closed", by, now, new JsonObject { ["report"] = number })];
    }

    /// <summary>Remembers where the report card was posted (not a timeline event).</summary>
    public void RecordReportCard(int number, string activityId) =>
        (FindReport(number) ?? throw new InvalidOperationException($"No report R{number} on {Id}.")).CardActivityId = activityId;

    /// <summary>A review that was not accepted (not an approver, another tenant, a superseded version): on the record.</summary>
    public IReadOnlyList<TimelineEvent> RecordReportRefusal(int number, string rule, string? tenantId, Person by, DateTimeOffset now) =>
        IsClosed ? [] : [Record("report.refused", by, now, new JsonObject { ["version"] = number, ["rule"] = rule, ["tenant"] = tenantId })];

    public static string FieldName(SummaryField field) => JsonNamingPolicy.CamelCase.ConvertName(field.ToString());
}
