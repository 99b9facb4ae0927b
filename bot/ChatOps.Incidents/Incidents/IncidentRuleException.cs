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
    public const string TextTooLong = "text.too-long";
    public const string PointNotGated = "point.not-gated";
    public const string AlreadyAuthorised = "point.already-authorised";
    public const string PointAlreadyDone = "point.already-done";
    public const string PhaseAwaitsAuthorisation = "phase.awaits-authorisation";
    public const string ProposalFieldRequired = "approval.field-required";
    public const string ApprovalAlreadyOpen = "approval.already-open";
    public const string UnknownApproval = "approval.unknown";
    public const string NotAnApprover = "approval.not-an-approver";
    public const string ProposalSuperseded = "approval.superseded";
    public const string ApprovalExpired = "approval.expired";
    public const string ApprovalDecided = "approval.decided";
    public const string CommentRequired = "approval.comment-required";
    public const string AlreadyDecided = "approval.already-decided";
    public const string JustificationRequired = "override.justification-required";
    public const string NobodyOnCall = "page.nobody-on-call";
    public const string UnknownPage = "page.unknown";
    public const string EvidenceFieldRequired = "evidence.field-required";
    public const string EvidenceTooLong = "evidence.too-long";
    public const string EvidenceSha256Invalid = "evidence.sha256-invalid";
    public const string EvidenceCollectedInFuture = "evidence.collected-in-future";
    public const string EvidenceKindUnknown = "evidence.kind-unknown";
    public const string EvidenceUnknown = "evidence.unknown";
    public const string EvidenceSameCustodian = "evidence.same-custodian";
    public const string OverrideEndsBeforeStart = "rotation.override-ends-before-start";
    public const string OverrideTooLong = "rotation.override-too-long";
    public const string OverrideEnded = "rotation.override-ended";
    public const string NotOnRotation = "rotation.not-on-rotation";
    public const string ReportNotInSummary = "report.not-summary-phase";
    public const string ReportLanguageUnknown = "report.language-unknown";
    public const string ReportUnknown = "report.unknown";
    public const string ReportSuperseded = "report.superseded";
    public const string ReportNotDelivered = "report.not-delivered";
    public const string ReportCommentRequired = "report.comment-required";
}
