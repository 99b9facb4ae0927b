using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Incidents;

/// <summary>
/// One security incident. Its state changes only through the methods below, which check the
/// playbook's rules and return the timeline events the change produced (already hash-chained).
/// </summary>
public sealed partial class Incident
{
    [JsonConstructor]
    internal Incident() { }

    [JsonInclude] public string Id { get; private set; } = "";
    [JsonInclude] public string ClientId { get; private set; } = "";
    [JsonInclude] public string PlaybookId { get; private set; } = "";
    [JsonInclude] public string TypeId { get; private set; } = "";
    [JsonInclude] public string SeverityId { get; private set; } = "";
    [JsonInclude] public string Title { get; private set; } = "";
    [JsonInclude] public string Description { get; private set; } = "";
    [JsonInclude] public Person Commander { get; private set; } = null!;
    [JsonInclude] public Person DeclaredBy { get; private set; } = null!;
    [JsonInclude] public DateTimeOffset DeclaredAt { get; private set; }
    [JsonInclude] public string Phase { get; private set; } = "";
    [JsonInclude] public bool IsClosed { get; private set; }
    [JsonInclude] public Dictionary<string, PointState> Points { get; private set; } = [];
    /// <summary>Control points whose client authorisation has been granted (the approvals that grant it come with their own records).</summary>
    [JsonInclude] public HashSet<string> Authorised { get; private set; } = [];
    /// <summary>Null until the incident's channel is open and its first cards are posted.</summary>
    [JsonInclude] public IncidentChannel? Channel { get; private set; }
    /// <summary>How many events the timeline holds: the incident's version for optimistic concurrency and stale cards.</summary>
    [JsonInclude] public long Version { get; private set; }
    [JsonInclude] public string TimelineHead { get; private set; } = TimelineEvent.Genesis;

    public static (Incident Incident, IReadOnlyList<TimelineEvent> Events) Declare(
        string id, string clientId, Playbook playbook, IncidentType type, Severity severity,
        string title, string description, Person commander, Person declaredBy, DateTimeOffset now, Sla.SlaPolicy? sla = null)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new IncidentRuleException(Rules.EmptyText, "title");
        var incident = new Incident
        {
            Id = id, ClientId = clientId, PlaybookId = playbook.Id, TypeId = type.Id, SeverityId = severity.Id,
            Title = title.Trim(), Description = description.Trim(), Commander = commander, DeclaredBy = declaredBy, DeclaredAt = now,
            Phase = playbook.Phases[0].Id,
            Points = playbook.ControlPoints.ToDictionary(c => c.Id, _ => PointState.New),
        };
        incident.AttachSla(sla, severity.Id);
        var data = new JsonObject
        {
            ["client"] = clientId, ["playbook"] = playbook.Id, ["playbookVersion"] = playbook.Version, ["type"] = type.Id,
            ["severity"] = severity.Id, ["title"] = incident.Title, ["description"] = incident.Description,
            ["commander"] = commander.AadObjectId, ["phase"] = incident.Phase,
        };
        return (incident, [incident.Record("incident.declared", declaredBy, now, data)]);
    }

    public IReadOnlyList<TimelineEvent> SetPointStatus(Playbook playbook, string pointId, PointStatus status, string? reason, Person by, DateTimeOffset now)
    {
        var point = CurrentPhasePoint(playbook, pointId);
        var state = Points[point.Id];
        if (state.Status == status)
            return [];
        if (status == PointStatus.Done && point.IsGated && !Authorised.Contains(point.Id))
            throw new IncidentRuleException(Rules.PointAwaitsAuthorisation, point.Id);
        if (status == PointStatus.NotApplicable && string.IsNullOrWhiteSpace(reason))
            throw new IncidentRuleException(Rules.ReasonRequired, point.Id);
        Points[point.Id] = state with { Status = status, Reason = status == PointStatus.NotApplicable ? reason!.Trim() : null, Revision = state.Revision + 1 };
        return [Record("point.status", by, now, new JsonObject
        {
            ["point"] = point.Id, ["from"] = state.Status.ToString(), ["to"] = status.ToString(), ["reason"] = Points[point.Id].Reason,
        })];
    }

    public IReadOnlyList<TimelineEvent> Assign(Playbook playbook, string pointId, Person assignee, Person by, DateTimeOffset now)
    {
        var point = CurrentPhasePoint(playbook, pointId);
        if (Points[point.Id].Assignee == assignee)
            return [];
        Points[point.Id] = Points[point.Id] with { Assignee = assignee };
        return [Record("point.assigned", by, now, new JsonObject { ["point"] = point.Id, ["assignee"] = assignee.AadObjectId, ["name"] = assignee.Name })];
    }

    /// <summary>A note on the record; with a control point id it is also shown on that point.</summary>
    public IReadOnlyList<TimelineEvent> AddNote(string text, Person by, DateTimeOffset now, Playbook? playbook = null, string? pointId = null)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(text))
            throw new IncidentRuleException(Rules.EmptyText, "note");
        var point = pointId is null ? null : playbook?.FindControlPoint(pointId) ?? throw new IncidentRuleException(Rules.UnknownPoint, pointId);
        if (point is not null)
            Points[point.Id] = Points[point.Id] with { LastNote = text.Trim() };
        return [Record("note.added", by, now, new JsonObject { ["text"] = text.Trim(), ["point"] = point?.Id })];
    }

    /// <summary>The commander closes the current phase once its mandatory points are done or not applicable.</summary>
    public IReadOnlyList<TimelineEvent> AdvancePhase(Playbook playbook, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        if (by.AadObjectId != Commander.AadObjectId)
            throw new IncidentRuleException(Rules.OnlyCommander, Commander.Name);
        var phase = playbook.Phase(Phase);
        var open = phase.ControlPoints.Where(c => c.Mandatory && !Points[c.Id].IsSettled).Select(c => c.Id).ToList();
        if (open.Count > 0)
            throw new IncidentRuleException(Rules.OpenMandatoryPoints, [.. open]);
        // A gated point marked not applicable still needs the client's word before the phase closes.
        var unauthorised = phase.ControlPoints.Where(c => c.IsGated && !Authorised.Contains(c.Id)).Select(c => c.Id).ToList();
        if (unauthorised.Count > 0)
            throw new IncidentRuleException(Rules.PhaseAwaitsAuthorisation, [.. unauthorised]);
        var index = playbook.Phases.ToList().FindIndex(p => p.Id == Phase);
        if (index == playbook.Phases.Count - 1)
            throw new IncidentRuleException(Rules.LastPhase, Phase);
        var from = Phase;
        Phase = playbook.Phases[index + 1].Id;
        return [Record("phase.advanced", by, now, new JsonObject { ["from"] = from, ["to"] = Phase })];
    }

    private ControlPoint CurrentPhasePoint(Playbook playbook, string pointId)
    {
        EnsureOpen();
        var point = playbook.FindControlPoint(pointId) ?? throw new IncidentRuleException(Rules.UnknownPoint, pointId);
        if (point.PhaseId != Phase)
            throw new IncidentRuleException(Rules.PointNotInCurrentPhase, point.Id, Phase);
        return point;
    }

    private void EnsureOpen()
    {
        if (IsClosed)
            throw new IncidentRuleException(Rules.Closed, Id);
    }

    private TimelineEvent Record(string type, Person actor, DateTimeOffset now, JsonObject data)
    {
        var e = TimelineEvent.Append(TimelineHead, Version + 1, type, now, actor.AadObjectId, data);
        Version = e.Sequence;
        TimelineHead = e.Hash;
        ObserveClocks(e);
        return e;
    }
}
