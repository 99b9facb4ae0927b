using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Incidents;

/// <summary>The client's authorisation: requests, approvers' decisions, expiry, and the commander's break glass.</summary>
public sealed partial class Incident
{
    public const int MaxComment = 1000;
    public const int MinJustification = 20;

    [JsonInclude] public List<ApprovalRequest> Approvals { get; private set; } = [];
    [JsonInclude] public List<GateOverride> Overrides { get; private set; } = [];

    public ApprovalRequest? FindApproval(string requestId) =>
        Approvals.FirstOrDefault(a => string.Equals(a.Id, requestId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Asks the client to authorise a gated point (or, with no point, an important operation).</summary>
    public (ApprovalRequest Request, IReadOnlyList<TimelineEvent> Events) RequestApproval(
        Playbook playbook, string? pointId, Proposal proposal, ApprovalPolicy policy, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        var point = pointId is null ? null : GatedPoint(playbook, pointId);
        if (point is not null && Approvals.FirstOrDefault(a => a.PointId == point.Id && a.Status is ApprovalStatus.Pending or ApprovalStatus.ChangesRequested) is { } open)
            throw new IncidentRuleException(Rules.ApprovalAlreadyOpen, point.Id, open.Id);
        var checkedProposal = proposal.Checked();
        var id = string.Create(CultureInfo.InvariantCulture, $"APR-{Approvals.Count + 1:00}");
        var request = new ApprovalRequest(id, point?.Id, checkedProposal, checkedProposal.Hash(Id, id, 1, point?.Id), policy, by, now);
        Approvals.Add(request);
        return (request, [Record("approval.requested", by, now, Describe(request))]);
    }

    /// <summary>A new revision of the proposal: earlier decisions are void, and an approval it had granted is withdrawn.</summary>
    public IReadOnlyList<TimelineEvent> ReviseApproval(string requestId, Proposal proposal, ApprovalPolicy policy, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        var request = FindApproval(requestId) ?? throw new IncidentRuleException(Rules.UnknownApproval, requestId);
        if (request.PointId is { } pointId && Points[pointId].Status == Checklists.PointStatus.Done)
            throw new IncidentRuleException(Rules.PointAlreadyDone, pointId);
        var checkedProposal = proposal.Checked();
        if (checkedProposal == request.Proposal && request.IsOpen)
            return [];
        var withdrawn = request.Status == ApprovalStatus.Approved && request.PointId is { } granted && Authorised.Remove(granted);
        request.Revise(checkedProposal, checkedProposal.Hash(Id, request.Id, request.Revision + 1, request.PointId), policy, now);
        var data = Describe(request);
        data["withdrawnAuthorisation"] = withdrawn;
        return [Record("approval.revised", by, now, data)];
    }

    /// <summary>
    /// One of the client's approvers decides on the revision they were shown. Everyone else is refused with
    /// <see cref="Rules.NotAnApprover"/>; a caller records the refusal with <see cref="RecordRefusal"/>.
    /// </summary>
    public IReadOnlyList<TimelineEvent> Decide(
        string requestId, string proposalHash, DecisionKind kind, string? comment, Client client, string? tenantId, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        var request = FindApproval(requestId) ?? throw new IncidentRuleException(Rules.UnknownApproval, requestId);
        if (client.Id != ClientId || !client.MayDecide(by.AadObjectId, tenantId))
            throw new IncidentRuleException(Rules.NotAnApprover, request.Id);
        if (proposalHash != request.ProposalHash)
            throw new IncidentRuleException(Rules.ProposalSuperseded, request.Id, request.Revision.ToString(CultureInfo.InvariantCulture));
        if (request.Status == ApprovalStatus.Pending && now > request.ExpiresAt)
            throw new IncidentRuleException(Rules.ApprovalExpired, request.Id);
        if (!request.IsOpen)
            throw new IncidentRuleException(Rules.ApprovalDecided, request.Id, request.Status.ToString());
        var text = comment?.Trim();
        if (kind != DecisionKind.Approve && string.IsNullOrEmpty(text))
            throw new IncidentRuleException(Rules.CommentRequired, request.Id);
        if (text?.Length > MaxComment)
            throw new IncidentRuleException(Rules.TextTooLong, "comment", MaxComment.ToString(CultureInfo.InvariantCulture));
        if (request.CurrentDecisions.Any(d => d.By.AadObjectId == by.AadObjectId))
            throw new IncidentRuleException(Rules.AlreadyDecided, request.Id);
        request.Add(new Decision(by, tenantId!, kind, string.IsNullOrEmpty(text) ? null : text, now, request.Revision, proposalHash));
        if (request.Status == ApprovalStatus.Approved && request.PointId is { } pointId)
            Authorised.Add(pointId);
        return [Record("approval.decided", by, now, new JsonObject
        {
            ["request"] = request.Id, ["revision"] = request.Revision, ["proposalHash"] = proposalHash, ["decision"] = kind.ToString(),
            ["comment"] = text, ["tenant"] = tenantId, ["approvals"] = request.Approvals, ["quorum"] = request.Quorum,
            ["status"] = request.Status.ToString(), ["point"] = request.PointId,
        })];
    }

    /// <summary>A decision that was not accepted (not an approver, another tenant, a superseded or expired proposal): on the record.</summary>
    public IReadOnlyList<TimelineEvent> RecordRefusal(string requestId, string rule, string? proposalHash, string? tenantId, Person by, DateTimeOffset now) =>
        IsClosed ? [] : [Record("approval.refused", by, now, new JsonObject
        {
            ["request"] = requestId, ["rule"] = rule, ["proposalHash"] = proposalHash, ["tenant"] = tenantId,
        })];

    /// <summary>Pending requests past their expiry become expired (a new revision reopens them).</summary>
    public IReadOnlyList<TimelineEvent> ExpireApprovals(Person system, DateTimeOffset now)
    {
        var events = new List<TimelineEvent>();
        foreach (var request in Approvals.Where(a => a.Status == ApprovalStatus.Pending && now > a.ExpiresAt))
        {
            request.Expire();
            events.Add(Record("approval.expired", system, now, new JsonObject { ["request"] = request.Id, ["revision"] = request.Revision, ["point"] = request.PointId }));
        }
        return events;
    }

    /// <summary>Break glass: the commander authorises a gated point without the client, with a written justification.</summary>
    public IReadOnlyList<TimelineEvent> BreakGlass(Playbook playbook, string pointId, string justification, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        if (by.AadObjectId != Commander.AadObjectId)
            throw new IncidentRuleException(Rules.OnlyCommander, Commander.Name);
        var point = GatedPoint(playbook, pointId);
        var text = justification.Trim();
        if (text.Length < MinJustification)
            throw new IncidentRuleException(Rules.JustificationRequired, MinJustification.ToString(CultureInfo.InvariantCulture));
        if (text.Length > MaxComment)
            throw new IncidentRuleException(Rules.TextTooLong, "justification", MaxComment.ToString(CultureInfo.InvariantCulture));
        Authorised.Add(point.Id);
        Overrides.Add(new GateOverride(point.Id, by, text, now));
        return [Record("gate.overridden", by, now, new JsonObject { ["point"] = point.Id, ["justification"] = text })];
    }

    /// <summary>Remembers where the request card was posted and whose Teams clients refresh it (not a timeline event).</summary>
    public void RecordApprovalCard(string requestId, string activityId, IReadOnlyList<string> audience)
    {
        var request = FindApproval(requestId) ?? throw new InvalidOperationException($"No request {requestId} on {Id}.");
        request.CardActivityId = activityId;
        request.Audience = [.. audience];
    }

    private ControlPoint GatedPoint(Playbook playbook, string pointId)
    {
        var point = playbook.FindControlPoint(pointId) ?? throw new IncidentRuleException(Rules.UnknownPoint, pointId);
        if (!point.IsGated)
            throw new IncidentRuleException(Rules.PointNotGated, point.Id);
        if (Authorised.Contains(point.Id))
            throw new IncidentRuleException(Rules.AlreadyAuthorised, point.Id);
        return point;
    }

    private static JsonObject Describe(ApprovalRequest request)
    {
        var data = request.Proposal.ToJson();
        data["request"] = request.Id;
        data["point"] = request.PointId;
        data["revision"] = request.Revision;
        data["proposalHash"] = request.ProposalHash;
        data["quorum"] = request.Quorum;
        data["expiresAt"] = request.ExpiresAt.ToString("O", CultureInfo.InvariantCulture);
        return data;
    }
}
