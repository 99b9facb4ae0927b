using System.Text.Json.Serialization;

namespace ChatOps.Cards.Adaptive;

/// <summary>
/// A typed action payload. Each verb is a record; its name travels as <c>verb</c> in the data,
/// so an <c>Action.Submit</c> fallback routes to the same handler as the <c>Action.Execute</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "verb", IgnoreUnrecognizedTypeDiscriminators = false)]
[JsonDerivedType(typeof(ShowHelp), ShowHelp.Name)]
[JsonDerivedType(typeof(DeclareIncident), DeclareIncident.Name)]
[JsonDerivedType(typeof(SetPointStatus), SetPointStatus.Name)]
[JsonDerivedType(typeof(AdvancePhase), AdvancePhase.Name)]
[JsonDerivedType(typeof(SubmitProposal), SubmitProposal.Name)]
[JsonDerivedType(typeof(RefreshApproval), RefreshApproval.Name)]
[JsonDerivedType(typeof(DecideApproval), DecideApproval.Name)]
[JsonDerivedType(typeof(AckPage), AckPage.Name)]
[JsonDerivedType(typeof(AddEvidence), AddEvidence.Name)]
[JsonDerivedType(typeof(SubmitSummary), SubmitSummary.Name)]
[JsonDerivedType(typeof(ViewReport), ViewReport.Name)]
[JsonDerivedType(typeof(ReviewReport), ReviewReport.Name)]
public abstract record CardVerb
{
    /// <summary>The verb's wire name: the discriminator written into the action's data.</summary>
    public abstract string VerbName();
}

/// <summary>Shows the help card again, in the given language.</summary>
public sealed record ShowHelp(string Language) : CardVerb
{
    public const string Name = "help.show";

    public override string VerbName() => Name;
}

/// <summary>The declare form's submit; the form's inputs arrive merged into the data under these names.</summary>
public sealed record DeclareIncident(string DeclarationId) : CardVerb
{
    public const string Name = "incident.declare";

    public string? Client { get; init; }
    public string? Type { get; init; }
    public string? Severity { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }

    /// <summary>The commander's Entra object id; empty means the declarer commands.</summary>
    public string? Commander { get; init; }

    public override string VerbName() => Name;
}

/// <summary>
/// A checklist button. <see cref="From"/> is the status the clicker saw and <see cref="Revision"/> the point's revision
/// then: if the point moved since, the click is stale. Cards drawn before revisions existed carry none (from only).
/// </summary>
public sealed record SetPointStatus(string IncidentId, string PointId, string From, string To) : CardVerb
{
    public const string Name = "checklist.set";

    public int? Revision { get; init; }

    /// <summary>The reason input of this point (id "reason.&lt;point&gt;"), merged in by Teams.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Inputs { get; init; }

    public string? Reason => Inputs is not null && Inputs.TryGetValue(ReasonInputId(PointId), out var r) && r.ValueKind == System.Text.Json.JsonValueKind.String ? r.GetString() : null;

    public static string ReasonInputId(string pointId) => $"reason.{pointId}";

    public override string VerbName() => Name;
}

/// <summary>The commander closes <see cref="Phase"/>; stale if the incident has moved on.</summary>
public sealed record AdvancePhase(string IncidentId, string Phase) : CardVerb
{
    public const string Name = "phase.advance";

    public override string VerbName() => Name;
}

/// <summary>The evidence form's submit; <see cref="FormId"/> makes a second click on one form register nothing more.</summary>
public sealed record AddEvidence(string IncidentId, string FormId) : CardVerb
{
    public const string Name = "evidence.add";

    public string? Kind { get; init; }
    public string? Item { get; init; }
    public string? Source { get; init; }

    /// <summary>The collector's Entra object id; empty means the person submitting collected it.</summary>
    public string? CollectedBy { get; init; }
    public string? CollectedDate { get; init; }
    public string? CollectedTime { get; init; }
    public string? Sha256 { get; init; }
    public string? Location { get; init; }

    public override string VerbName() => Name;
}
