using System.Globalization;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Approvals;

/// <summary>
/// The client's copy of the approvals record: every request, revision, decision, refusal, expiry, override and
/// evidence custody event of the hash-chained timeline, as CSV (for Excel) and JSON (for tools), with the chain's
/// head and whether it verifies. Pure: the caller stores the bytes.
/// </summary>
public sealed record AuditExport(
    string IncidentId, DateTimeOffset GeneratedAt, string Head, ChainResult Chain, AuditCounts Counts, IReadOnlyList<AuditRow> Rows)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    public byte[] Csv { get; private init; } = [];
    public byte[] Json { get; private init; } = [];

    /// <summary>INC-2026-0042-audit-20261123T023000Z.csv: sorts by time, and every export keeps its own name.</summary>
    public string FileName(string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{IncidentId}-audit-{GeneratedAt.ToUniversalTime():yyyyMMdd'T'HHmmss'Z'}.{extension}");

    public static AuditExport Build(Incident incident, IReadOnlyList<TimelineEvent> timeline, Client client, DateTimeOffset now)
    {
        // The state is a snapshot: events stored after it was read belong to the next export, not to a "broken" chain.
        var events = timeline.Take((int)Math.Min(incident.Version, int.MaxValue)).ToList();
        var chain = ChainVerification.Verify(events, incident.TimelineHead);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone);
        var names = Names(incident, client);
        var revisions = events.Where(e => e.Type is "approval.requested" or "approval.revised")
            .Select(e => (Hash: AuditData.Text(e.Data, "proposalHash"), Revision: AuditData.Number(e.Data, "revision")))
            .Where(x => x.Hash is not null && x.Revision is not null)
            .DistinctBy(x => x.Hash).ToDictionary(x => x.Hash!, x => x.Revision!.Value, StringComparer.Ordinal);
        var points = incident.Approvals.Where(a => a.PointId is not null).ToDictionary(a => a.Id, a => a.PointId!, StringComparer.OrdinalIgnoreCase);
        var rows = events.Where(e => AuditRow.IsAudited(e.Type)).Select(e => AuditRow.Of(e, zone, names, revisions, points)).ToList();
        var counts = new AuditCounts(
            incident.Approvals.Count, incident.Approvals.Sum(a => a.Decisions.Count), rows.Count(r => r.Type == "approval.refused"), incident.Overrides.Count);
        var export = new AuditExport(incident.Id, now, incident.TimelineHead, chain, counts, rows) { Csv = AuditCsv.Write(rows) };
        return export with { Json = AuditJson.Write(export, incident, client, names) };
    }

    /// <summary>Everyone the incident and its client know by name; an actor not among them (a stranger's refused click) stays an id.</summary>
    public static Dictionary<string, string> Names(Incident incident, Client client)
    {
        IEnumerable<Person> people =
        [
            incident.Commander, incident.DeclaredBy, .. client.Approvers, .. client.Responders,
            .. incident.Approvals.Select(a => a.RequestedBy), .. incident.Approvals.SelectMany(a => a.Decisions).Select(d => d.By),
            .. incident.Overrides.Select(o => o.By), .. incident.Points.Values.Select(p => p.Assignee).OfType<Person>(),
        ];
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var person in people)
            names.TryAdd(person.AadObjectId, person.Name);
        return names;
    }
}

/// <summary>What the audit card counts: requests, decisions (voided ones included), refused attempts, break-glass overrides.</summary>
public sealed record AuditCounts(int Requests, int Decisions, int Refusals, int Overrides);
