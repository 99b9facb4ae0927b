using System.Text.Json.Serialization;

namespace ChatOps.Cards.Adaptive;

/// <summary>
/// The approval form's submit: a new request (no <see cref="RequestId"/>) or a revision of one. The form's
/// inputs arrive merged into the data under these names.
/// </summary>
public sealed record SubmitProposal(string IncidentId, string? PointId = null, string? RequestId = null) : CardVerb
{
    public const string Name = "approval.submit";

    public string? Action { get; init; }
    public string? Systems { get; init; }
    public string? Risk { get; init; }
    public string? Rollback { get; init; }
    public string? Impact { get; init; }
    public string? Window { get; init; }

    public override string VerbName() => Name;
}

/// <summary>Teams asks for the viewer's own view of a request card (card <c>refresh</c>): buttons for approvers only.</summary>
public sealed record RefreshApproval(string IncidentId, string RequestId) : CardVerb
{
    public const string Name = "approval.refresh";

    public override string VerbName() => Name;
}

/// <summary>An approver's decision, bound to the hash of the proposal the card showed; the comment input arrives merged in.</summary>
public sealed record DecideApproval(string IncidentId, string RequestId, string ProposalHash, string Decision) : CardVerb
{
    public const string Name = "approval.decide";
    public const string CommentInputId = "comment";

    [JsonPropertyName(CommentInputId)]
    public string? Comment { get; init; }

    public override string VerbName() => Name;
}

/// <summary>The paged person's Acknowledge: ends the escalation.</summary>
public sealed record AckPage(string IncidentId, string PageId) : CardVerb
{
    public const string Name = "page.ack";

    public override string VerbName() => Name;
}
