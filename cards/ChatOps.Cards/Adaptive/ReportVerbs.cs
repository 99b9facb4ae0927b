using System.Text.Json.Serialization;

namespace ChatOps.Cards.Adaptive;

/// <summary>The summary form's save: each field's input arrives merged in under its name; an empty one changes nothing.</summary>
public sealed record SubmitSummary(string IncidentId) : CardVerb
{
    public const string Name = "summary.submit";

    public string? Phenomenon { get; init; }
    public string? Cause { get; init; }
    public string? IntrusionPath { get; init; }
    public string? Damage { get; init; }
    public string? LossEstimate { get; init; }
    public string? Recommendations { get; init; }
    public string? LegalImplications { get; init; }
    public string? FollowUps { get; init; }

    public override string VerbName() => Name;
}

/// <summary>
/// The viewer's own copy of a report card (card <c>refresh</c>, or the "links" button): fresh download links, and for the
/// client's approvers the Confirm / Request changes buttons.
/// </summary>
public sealed record ViewReport(string IncidentId, int Version) : CardVerb
{
    public const string Name = "report.view";

    public override string VerbName() => Name;
}

/// <summary>An approver confirms the delivered version or sends it back; the comment input arrives merged in.</summary>
public sealed record ReviewReport(string IncidentId, int Version, string Decision) : CardVerb
{
    public const string Name = "report.review";
    public const string CommentInputId = "reportComment";

    [JsonPropertyName(CommentInputId)]
    public string? Comment { get; init; }

    public override string VerbName() => Name;
}
