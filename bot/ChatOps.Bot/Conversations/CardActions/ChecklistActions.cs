using ChatOps.Bot.Incidents;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Checklists;

namespace ChatOps.Bot.Conversations.CardActions;

/// <summary>Start, Done or Not applicable on a control point; stale when the point moved since the card was drawn (its status, or its revision when the card carries one).</summary>
internal sealed class SetPointStatusAction(ChecklistChanges changes) : ICardAction<SetPointStatus>
{
    public Task<AdaptiveCard> HandleAsync(Turn turn, SetPointStatus verb, CancellationToken ct)
    {
        if (!Enum.TryParse<PointStatus>(verb.To, out var to) || !Enum.IsDefined(to))
            return Task.FromResult(new AdaptiveCard([new TextBlock(CardText.Get("Invoke.UnknownVerb", turn.Language)) { Color = "Attention" }]));
        return changes.ApplyAsync(turn, verb.IncidentId, (incident, playbook) => playbook.FindControlPoint(verb.PointId)?.PhaseId ?? incident.Phase, (incident, playbook, by, now) =>
            incident.Points.TryGetValue(verb.PointId, out var state) && (state.Status.ToString() != verb.From || verb.Revision is { } seen && seen != state.Revision)
                ? null
                : incident.SetPointStatus(playbook, verb.PointId, to, verb.Reason, by, now), ct);
    }
}

/// <summary>The commander closes the phase the card shows (the last one compiles the report); stale when the incident already moved on.</summary>
internal sealed class AdvancePhaseAction(ChecklistChanges changes, ChatOps.Bot.Reports.SummaryPhaseClosing summary) : ICardAction<AdvancePhase>
{
    public Task<AdaptiveCard> HandleAsync(Turn turn, AdvancePhase verb, CancellationToken ct)
    {
        var phases = ChatOps.Incidents.Playbooks.Playbook.PhaseIds;
        if (!phases.Contains(verb.Phase))
            return Task.FromResult(new AdaptiveCard([new TextBlock(CardText.Get("Invoke.UnknownVerb", turn.Language)) { Color = "Attention" }]));
        return verb.Phase == phases[^1]
            ? summary.CloseAsync(turn, verb.IncidentId, verb.Phase, ct)
            : changes.ApplyAsync(turn, verb.IncidentId, (_, _) => verb.Phase, (incident, playbook, by, now) =>
                incident.Phase != verb.Phase ? null : incident.AdvancePhase(playbook, by, now), ct);
    }
}
