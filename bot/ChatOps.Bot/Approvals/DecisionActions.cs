using ChatOps.Bot.Conversations;
using ChatOps.Bot.Conversations.CardActions;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Approvals;
using ChatOps.Cards.Help;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Approvals;

/// <summary>
/// An approver's Approve / Request changes / Reject. Anyone else, a replayed card of a superseded proposal or an
/// expired request gets a polite refusal shown only to them, and the attempt goes on the record.
/// </summary>
internal sealed class DecideApprovalAction(ApprovalDesk desk, TimeProvider time) : ICardAction<DecideApproval>
{
    private static readonly HashSet<string> Recorded = [Rules.NotAnApprover, Rules.ProposalSuperseded, Rules.ApprovalExpired];

    public async Task<AdaptiveCard> HandleAsync(Turn turn, DecideApproval verb, CancellationToken ct)
    {
        var language = turn.Language;
        if (!Enum.TryParse<DecisionKind>(verb.Decision, out var kind) || !Enum.IsDefined(kind))
            return NoticeCard.Attention(CardText.Get("Invoke.UnknownVerb", language), language);
        var now = time.GetUtcNow();
        IncidentRuleException? refused = null;
        var scene = await desk.ChangeAsync(verb.IncidentId, s =>
        {
            refused = null;
            if (s.Incident.IsClosed || s.Incident.FindApproval(verb.RequestId) is null)
                return [];
            var expired = s.Incident.ExpireApprovals(Person.Bot, now);
            try
            {
                return [.. expired, .. s.Incident.Decide(verb.RequestId, verb.ProposalHash, kind, verb.Comment, s.Client, turn.TenantId, turn.Sender, now)];
            }
            catch (IncidentRuleException e)
            {
                refused = e;
                return Recorded.Contains(e.Rule)
                    ? [.. expired, .. s.Incident.RecordRefusal(verb.RequestId, e.Rule, verb.ProposalHash, turn.TenantId, turn.Sender, now)]
                    : expired;
            }
        }, ct);
        if (scene is null)
            return NoticeCard.Attention(CardText.Format("Incident.Unknown", language, verb.IncidentId), language);
        if (scene.Incident.IsClosed)
            return NoticeCard.Attention(CardText.Format("Rule.incident.closed", language, scene.Incident.Id), language);
        if (scene.Incident.FindApproval(verb.RequestId) is not { } request)
            return NoticeCard.Attention(CardText.Format("Rule.approval.unknown", language, verb.RequestId), language);
        desk.ShowEveryone(scene, request, now);
        var approver = scene.Client.MayDecide(turn.Sender.AadObjectId, turn.TenantId) ? turn.Sender : null;
        return ApprovalCard.Build(scene.Incident, scene.Playbook, request, scene.Client, now, language, approver, request.Audience,
            refused is null ? null : CardText.Rule(refused, language));
    }
}

/// <summary>Teams asks for the viewer's own copy of a request card: approvers get the buttons, everyone else the record.</summary>
internal sealed class RefreshApprovalAction(ApprovalDesk desk, TimeProvider time) : ICardAction<RefreshApproval>
{
    public async Task<AdaptiveCard> HandleAsync(Turn turn, RefreshApproval verb, CancellationToken ct)
    {
        var language = turn.Language;
        if (await desk.LoadAsync(verb.IncidentId, ct) is not { } scene || scene.Incident.FindApproval(verb.RequestId) is not { } request)
            return NoticeCard.Attention(CardText.Format("Rule.approval.unknown", language, verb.RequestId), language);
        var approver = scene.Client.MayDecide(turn.Sender.AadObjectId, turn.TenantId) ? turn.Sender : null;
        return ApprovalCard.Build(scene.Incident, scene.Playbook, request, scene.Client, time.GetUtcNow(), language, approver, request.Audience);
    }
}
