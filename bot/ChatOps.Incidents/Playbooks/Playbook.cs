namespace ChatOps.Incidents.Playbooks;

/// <summary>A response process as data: the six phases with their control points, the taxonomy and the severities.</summary>
public sealed record Playbook(
    string Id,
    int Version,
    LocalizedText Name,
    IReadOnlyList<Severity> Severities,
    IReadOnlyList<IncidentCategory> Taxonomy,
    IReadOnlyList<Phase> Phases)
{
    /// <summary>The phases every playbook has, in this order (准备, 检测, 抑制, 根除, 恢复, 总结).</summary>
    public static IReadOnlyList<string> PhaseIds { get; } = ["preparation", "detection", "containment", "eradication", "recovery", "summary"];

    public IEnumerable<IncidentType> Types => Taxonomy.SelectMany(c => c.Types);

    public IEnumerable<ControlPoint> ControlPoints => Phases.SelectMany(p => p.ControlPoints);

    public Phase Phase(string id) => Phases.First(p => p.Id == id);

    public IncidentType? FindType(string id) => Types.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    public Severity? FindSeverity(string id) => Severities.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    public ControlPoint? FindControlPoint(string id) => ControlPoints.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
}

public sealed record Severity(string Id, LocalizedText Name);

public sealed record IncidentCategory(string Id, LocalizedText Name, IReadOnlyList<IncidentType> Types);

public sealed record IncidentType(string Id, string CategoryId, LocalizedText Name);

public sealed record Phase(string Id, LocalizedText Name, LocalizedText Objective, IReadOnlyList<Deliverable> Deliverables, IReadOnlyList<ControlPoint> ControlPoints);

public sealed record Deliverable(string Id, LocalizedText Name);

/// <summary>One control point: mandatory ones must be done (or not applicable, with a reason) before the phase closes.</summary>
public sealed record ControlPoint(
    string Id,
    string PhaseId,
    string Reference,
    LocalizedText Name,
    Authorisation Authorisation,
    bool Mandatory,
    bool CollectsEvidence,
    IReadOnlyList<Deliverable> Deliverables)
{
    public bool IsGated => Authorisation != Authorisation.None;
}

/// <summary>What the client (甲方) must give before a control point can be completed.</summary>
public enum Authorisation
{
    None,
    /// <summary>Approval or agreement (认可, 达成协议).</summary>
    Approval,
    /// <summary>Written authorisation (书面授权).</summary>
    Written,
}
