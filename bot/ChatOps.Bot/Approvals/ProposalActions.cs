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
/// The proposal form's submit: a new request (or a revision) is stored with its event, its card posted for the
/// approvers, and the form replaced for everyone. A missing or over-long field sends the form back with the error beside it.
/// </summary>
internal sealed class SubmitProposalAction(ApprovalDesk desk, CardUpdates updates, TimeProvider time) : ICardAction<SubmitProposal>
{
    public async Task<AdaptiveCard> HandleAsync(Turn turn, SubmitProposal verb, CancellationToken ct)
    {
        var proposal = new Proposal(verb.Action ?? "", verb.Systems ?? "", verb.Risk ?? "", verb.Rollback ?? "", verb.Impact ?? "", verb.Window ?? "");
        var language = turn.Language;
        if (await desk.LoadAsync(verb.IncidentId, ct) is not { } seen)
            return NoticeCard.Attention(CardText.Format("Incident.Unknown", language, verb.IncidentId), language);
        AdaptiveCard Form(string field, string error) =>
            ApprovalFormCard.Build(seen.Incident, seen.Playbook, verb.PointId, verb.RequestId, proposal, language, new Dictionary<string, string> { [field] = error });
        if (!seen.IsResponder(turn.Sender))
            return Form("", CardText.Get("Approval.OnlyResponders", language));
        var now = time.GetUtcNow();
        string? requestId = verb.RequestId;
        ApprovalScene? scene;
        try
        {
            scene = await desk.ChangeAsync(verb.IncidentId, s =>
            {
                if (verb.RequestId is { } existing)
                    return s.Incident.ReviseApproval(existing, proposal, s.Client.Approval, turn.Sender, now);
                var (request, events) = s.Incident.RequestApproval(s.Playbook, verb.PointId, proposal, s.Client.Approval, turn.Sender, now);
                requestId = request.Id;
                return events;
            }, ct);
        }
        catch (IncidentRuleException e)
        {
            var field = e.Rule is Rules.ProposalFieldRequired or Rules.TextTooLong && Proposal.Fields.Contains(e.Arguments[0]) ? e.Arguments[0] : "";
            return Form(field, CardText.Rule(e, language));
        }
        if (scene?.Incident.FindApproval(requestId!) is not { } saved)
            return NoticeCard.Attention(CardText.Format("Incident.Unknown", language, verb.IncidentId), language);
        if (verb.RequestId is null)
            await desk.PostAsync(scene, saved.Id, now, ct);
        else
            desk.ShowEveryone(scene, saved, now);
        var submitted = ApprovalFormCard.Submitted(scene.Incident.Id, saved.Id, language);
        if (turn.Activity.ReplyToId is { Length: > 0 } formId)
            updates.Enqueue(new Uri(turn.Activity.ServiceUrl!), turn.Activity.Conversation!.Id!, formId, CardMessages.Of(submitted));
        return submitted;
    }
}
