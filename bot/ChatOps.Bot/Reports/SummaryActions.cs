using ChatOps.Bot.Approvals;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Conversations.CardActions;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Help;
using ChatOps.Cards.Reports;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Bot.Reports;

/// <summary>The summary form's save: each changed field is recorded (one event each); the form comes back with what was saved.</summary>
internal sealed class SubmitSummaryAction(ApprovalDesk desk, TimeProvider time) : ICardAction<SubmitSummary>
{
    public async Task<AdaptiveCard> HandleAsync(Turn turn, SubmitSummary verb, CancellationToken ct)
    {
        var language = turn.Language;
        if (await desk.LoadAsync(verb.IncidentId, ct) is not { } seen)
            return NoticeCard.Attention(CardText.Format("Incident.Unknown", language, verb.IncidentId), language);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(seen.Client.TimeZone);
        if (!seen.IsResponder(turn.Sender))
            return SummaryFormCard.Build(seen.Incident, zone, language, CardText.Get("Summary.OnlyResponders", language));
        var values = SummaryFormCard.Values(verb);
        var now = time.GetUtcNow();
        IReadOnlyList<TimelineEvent> recorded = [];
        try
        {
            var scene = await desk.ChangeAsync(verb.IncidentId, s =>
                recorded = [.. values.SelectMany(v => s.Incident.RecordSummary(v.Key, v.Value, turn.Sender, now))], ct) ?? seen;
            var saved = recorded.Select(e => CardText.Get($"Field.{(string)e.Data["field"]!}", language)).ToList();
            return SummaryFormCard.Build(scene.Incident, zone, language,
                saved.Count == 0 ? CardText.Get("Summary.NothingChanged", language) : CardText.Format("Summary.Saved", language, string.Join(", ", saved)), saved.Count > 0);
        }
        catch (IncidentRuleException e)
        {
            return SummaryFormCard.Build(seen.Incident, zone, language, CardText.Rule(e, language), typed: values);
        }
    }
}
