using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Approvals;

/// <summary>
/// One audit event of the timeline with what an auditor looks for pulled out of its data: which request (or
/// evidence item), point, revision and proposal hash, who, the outcome and the words given for it. The data itself
/// travels along, so a reader can recompute the event's hash.
/// </summary>
public sealed record AuditRow(
    long Sequence, DateTimeOffset At, DateTimeOffset ClientAt, string Type, string? Subject, string? Point, int? Revision, string? ProposalHash,
    string Actor, string? ActorName, string? Outcome, string? Text, string? Tenant, string PreviousHash, string Hash, JsonObject Data)
{
    /// <summary>
    /// The event families on the audit record: requests, decisions, refusals and expiry, break glass, and the evidence
    /// register with its custody transfers (read from their data alone, whatever the evidence classes become).
    /// </summary>
    public static bool IsAudited(string type) =>
        type.StartsWith("approval.", StringComparison.Ordinal) || type.StartsWith("gate.", StringComparison.Ordinal) ||
        type.StartsWith("evidence.", StringComparison.Ordinal);

    /// <param name="names">Display names by Entra object id, where known.</param>
    /// <param name="revisions">Which revision each proposal hash was (a refusal names the hash only).</param>
    /// <param name="points">Each request's control point (a refusal names the request only).</param>
    public static AuditRow Of(
        TimelineEvent e, TimeZoneInfo zone, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, int> revisions, IReadOnlyDictionary<string, string> points)
    {
        var d = e.Data;
        var hash = AuditData.Text(d, "proposalHash");
        var (outcome, text) = e.Type switch
        {
            "approval.requested" or "approval.revised" => (ApprovalStatus.Pending.ToString(), AuditData.Text(d, "action")),
            "approval.decided" => (AuditData.Text(d, "decision"), AuditData.Text(d, "comment")),
            "approval.refused" => ("Refused", AuditData.Text(d, "rule")),
            "approval.expired" => (ApprovalStatus.Expired.ToString(), null),
            "gate.overridden" => ("Overridden", AuditData.Text(d, "justification")),
            _ => (AuditData.Text(d, "status", "decision"), AuditData.Text(d, "comment", "justification", "reason", "description", "note", "text")),
        };
        int? revision = AuditData.Number(d, "revision") ?? (hash is not null && revisions.TryGetValue(hash, out var r) ? r : null);
        var subject = AuditData.Text(d, "request", "evidence", "id");
        var point = AuditData.Text(d, "point") ?? (subject is not null ? points.GetValueOrDefault(subject) : null);
        return new AuditRow(
            e.Sequence, e.At, TimeZoneInfo.ConvertTime(e.At, zone), e.Type, subject, point, revision, hash,
            e.Actor, names.GetValueOrDefault(e.Actor), outcome, text, AuditData.Text(d, "tenant"), e.PreviousHash, e.Hash, d);
    }
}

/// <summary>Reads an event's data leniently: a field of an unexpected kind reads as absent, never as a crash.</summary>
public static class AuditData
{
    /// <summary>The first of the keys holding a string (or a number, written invariantly).</summary>
    public static string? Text(JsonObject data, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (data[key] is not JsonValue value)
                continue;
            if (value.TryGetValue<string>(out var text))
                return text;
            // A number built in memory (an int) is not a long to TryGetValue; one read back from storage is: both are text here.
            if (value.GetValueKind() == JsonValueKind.Number)
                return value.ToJsonString();
        }
        return null;
    }

    public static int? Number(JsonObject data, string key) =>
        data[key] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
