using System.Text.Json.Nodes;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Reports;
using ChatOps.Reports.Resources;

namespace ChatOps.Reports.Documents;

/// <summary>The facts read in one language: names of points, phases, people, clocks and fields; instants in the client's zone.</summary>
internal sealed class ReportContext(ReportFacts facts, ReportText text)
{
    // A long timeline names the same few points, phases and states thousands of times.
    private readonly Dictionary<string, string> _points = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _phases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _statuses = new(StringComparer.Ordinal);

    public ReportFacts Facts => facts;
    public ReportText Text => text;
    public Incident Incident => facts.Incident;
    public Playbook Playbook => facts.Inputs.Playbook;

    public string T(string key) => text[key];

    public string F(string key, params object?[] args) => text.Format(key, args);

    public string Time(DateTimeOffset at) => text.Time(at, facts.Zone);

    public string Instant(DateTimeOffset at) => text.Instant(at, facts.Zone);

    public string Time(DateTimeOffset? at) => at is { } value ? Time(value) : T("Dash");

    public string Name(string? id) => facts.Name(id);

    public string In(LocalizedText localized) => localized.In(text.Language);

    /// <summary>CP-09 抑制方法认可; an id the playbook does not know stays as it is; none reads "important operation".</summary>
    public string Point(string? id) => id is null ? T("Approvals.AdHoc") : Cached(_points, id, PointLabel);

    public string Phase(string? id) => id is null ? T("Dash") : Cached(_phases, id, p => Playbook.Phases.FirstOrDefault(x => x.Id == p) is { } phase ? In(phase.Name) : p);

    public string Status(string? status) =>
        status is null ? T("Dash") : Cached(_statuses, status, s => Enum.TryParse<PointStatus>(s, out var parsed) ? T($"PointStatus.{parsed}") : s);

    public string Decision(string? decision) => decision is not null && text.Has($"Decision.{decision}") ? T($"Decision.{decision}") : decision ?? T("Dash");

    public string Clock(string? id) =>
        facts.Inputs.Sla?.Clocks.FirstOrDefault(c => c.Id == id) is { } clock ? In(clock.Name) : id ?? T("Dash");

    public string FieldLabel(SummaryField field) => T($"Field.{field}");

    public string FieldLabel(string? camelName) =>
        Enum.GetValues<SummaryField>().Where(f => Incident.FieldName(f) == camelName).Select(FieldLabel).FirstOrDefault() ?? camelName ?? T("Dash");

    /// <summary>The field's text as a paragraph, or a clear "not recorded" (never a blank).</summary>
    public ReportBlock Field(SummaryField field) =>
        Incident.FindSummary(field) is { } entry ? new TextBlock(entry.Text) : NotRecorded();

    public TextBlock NotRecorded() => new(T("NotRecorded"), Muted: true);

    /// <summary>The names of the people an event's array of Entra ids lists.</summary>
    public string People(JsonNode? ids) => text.List(Strings(ids).Select(Name));

    public static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : [];

    /// <summary>The first 12 hex digits: enough to tell proposals apart in a line; tables show the whole hash.</summary>
    public static string Short(string? hash) => hash is { Length: > 12 } ? hash[..12] : hash ?? "";

    private string PointLabel(string id) => Playbook.FindControlPoint(id) is { } point ? F("Point.Short", point.Id, In(point.Name)) : id;

    private static string Cached(Dictionary<string, string> cache, string key, Func<string, string> make)
    {
        if (!cache.TryGetValue(key, out var value))
            cache[key] = value = make(key);
        return value;
    }
}
