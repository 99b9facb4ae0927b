using System.Text.Json.Serialization;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Incidents.Approvals;

/// <summary>
/// A request for the client's authorisation: of a gated control point, or (no point) of an ad-hoc important
/// operation. Each revision of its proposal has its own hash; decisions count only for the revision they name.
/// </summary>
public sealed class ApprovalRequest
{
    [JsonConstructor]
    internal ApprovalRequest() { }

    internal ApprovalRequest(string id, string? pointId, Proposal proposal, string hash, ApprovalPolicy policy, Person by, DateTimeOffset now)
    {
        Id = id;
        PointId = pointId;
        Proposal = proposal;
        ProposalHash = hash;
        Revision = 1;
        Quorum = policy.Quorum;
        RequestedBy = by;
        RequestedAt = now;
        ExpiresAt = now + policy.Validity;
    }

    [JsonInclude] public string Id { get; private set; } = "";
    /// <summary>The gated control point it authorises; null for an ad-hoc important operation.</summary>
    [JsonInclude] public string? PointId { get; private set; }
    [JsonInclude] public Proposal Proposal { get; private set; } = null!;
    [JsonInclude] public string ProposalHash { get; private set; } = "";
    [JsonInclude] public int Revision { get; private set; }
    [JsonInclude] public int Quorum { get; private set; } = 1;
    [JsonInclude] public Person RequestedBy { get; private set; } = null!;
    [JsonInclude] public DateTimeOffset RequestedAt { get; private set; }
    [JsonInclude] public DateTimeOffset ExpiresAt { get; private set; }
    [JsonInclude] public ApprovalStatus Status { get; private set; }
    /// <summary>Every decision ever made, each naming its revision: earlier revisions' decisions stay on record, void.</summary>
    [JsonInclude] public List<Decision> Decisions { get; private set; } = [];
    /// <summary>The request card's message in the incident channel (where it is, not what happened).</summary>
    [JsonInclude] public string? CardActivityId { get; internal set; }
    /// <summary>The approvers' Teams ids the card refreshes for, resolved when it was posted.</summary>
    [JsonInclude] public List<string> Audience { get; internal set; } = [];

    public IEnumerable<Decision> CurrentDecisions => Decisions.Where(d => d.Revision == Revision);

    public int Approvals => CurrentDecisions.Count(d => d.Kind == DecisionKind.Approve);

    public bool IsOpen => Status == ApprovalStatus.Pending;

    internal void Revise(Proposal proposal, string hash, ApprovalPolicy policy, DateTimeOffset now)
    {
        Proposal = proposal;
        Revision++;
        ProposalHash = hash;
        Quorum = policy.Quorum;
        ExpiresAt = now + policy.Validity;
        Status = ApprovalStatus.Pending;
    }

    internal void Add(Decision decision)
    {
        Decisions.Add(decision);
        Status = decision.Kind switch
        {
            DecisionKind.Reject => ApprovalStatus.Rejected,
            DecisionKind.RequestChanges => ApprovalStatus.ChangesRequested,
            _ => Approvals >= Quorum ? ApprovalStatus.Approved : ApprovalStatus.Pending,
        };
    }

    internal void Expire() => Status = ApprovalStatus.Expired;
}

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
    ChangesRequested,
    Expired,
}

public enum DecisionKind
{
    Approve,
    Reject,
    RequestChanges,
}

/// <summary>One approver's decision on one revision, bound to the hash of the proposal they were shown.</summary>
public sealed record Decision(Person By, string TenantId, DecisionKind Kind, string? Comment, DateTimeOffset At, int Revision, string ProposalHash);

/// <summary>The commander authorised a gated point without the client (break glass): kept, shown and reported.</summary>
public sealed record GateOverride(string PointId, Person By, string Justification, DateTimeOffset At);

/// <summary>A client's terms for approvals: how many of its approvers must approve (k of N) and how long a request stays open.</summary>
public sealed record ApprovalPolicy(int Quorum, TimeSpan Validity)
{
    public static ApprovalPolicy Default { get; } = new(1, TimeSpan.FromHours(24));
}
