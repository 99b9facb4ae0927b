namespace ChatOps.Incidents.Incidents;

/// <summary>A change the incident's rules refuse. The rule is a stable code the cards translate; the arguments fill its text.</summary>
public sealed class IncidentRuleException(string rule, params string[] arguments)
    : InvalidOperationException($"{rule}: {string.Join(", ", arguments)}")
{
    public string Rule { get; } = rule;

    public IReadOnlyList<string> Arguments { get; } = arguments;
}

/// <summary>The codes of <see cref="IncidentRuleException"/>.</summary>
public static class Rules
{
    public const string UnknownPoint = "point.unknown";
    public const string PointNotInCurrentPhase = "point.not-current-phase";
    public const string PointAwaitsAuthorisation = "point.awaits-authorisation";
    public const string ReasonRequired = "point.reason-required";
    public const string OnlyCommander = "phase.only-commander";
    public const string OpenMandatoryPoints = "phase.open-mandatory-points";
    public const string LastPhase = "phase.last";
    public const string Closed = "incident.closed";
    public const string EmptyText = "text.empty";
    public const string HttpsOnly = "link.https-only";
    public const string EvidenceFieldRequired = "evidence.field-required";
    public const string EvidenceTooLong = "evidence.too-long";
    public const string EvidenceSha256Invalid = "evidence.sha256-invalid";
    public const string EvidenceCollectedInFuture = "evidence.collected-in-future";
    public const string EvidenceKindUnknown = "evidence.kind-unknown";
    public const string EvidenceUnknown = "evidence.unknown";
    public const string EvidenceSameCustodian = "evidence.same-custodian";
}
