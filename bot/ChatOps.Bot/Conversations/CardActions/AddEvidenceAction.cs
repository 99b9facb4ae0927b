using ChatOps.Bot.Evidence;
using ChatOps.Bot.Incidents;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Evidence;
using ChatOps.Cards.Help;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Conversations.CardActions;

/// <summary>
/// The evidence form's submit: someone on the response team registers the item through the same reload-and-retry
/// path as every change, and gets a receipt in place of the form; anything refused comes back on the form, values kept.
/// </summary>
internal sealed class AddEvidenceAction(IIncidentStore store, IClientDirectory clients, IncidentWriter writer, TimeProvider time) : ICardAction<AddEvidence>
{
    public async Task<AdaptiveCard> HandleAsync(Turn turn, AddEvidence form, CancellationToken ct)
    {
        var language = turn.Language;
        if (await store.GetAsync(form.IncidentId, ct) is not { Incident: var incident })
            return NoticeCard.Attention(CardText.Format("Incident.Unknown", language, form.IncidentId), language);
        var client = await clients.FindAsync(incident.ClientId, ct);
        var zone = EvidenceForm.Zone(client);
        var team = ResponseTeam.Members(incident, client);
        var now = time.GetUtcNow();
        AdaptiveCard Form(IReadOnlyDictionary<string, string>? errors, string? notice = null) =>
            EvidenceFormCard.Build(incident, team, language, zone, now, form.FormId, form, errors, notice);

        if (!ResponseTeam.Includes(incident, client, turn.Sender))
            return Form(null, CardText.Get("Evidence.NotAllowed", language));
        if (incident.FindEvidenceSubmission(form.FormId) is { } registered)
            return EvidenceListCard.Receipt(incident, registered, language, zone);
        var (draft, errors) = EvidenceForm.Read(form, team, turn.Sender, zone, now, language);
        if (draft is null)
            return Form(errors);
        try
        {
            var saved = await writer.AppendAsync(incident.Id, i => i.AddEvidence(draft, turn.Sender, time.GetUtcNow()), ct);
            var item = saved?.Incident.FindEvidenceSubmission(form.FormId);
            return item is null
                ? Form(null, CardText.Format("Incident.Unknown", language, form.IncidentId))
                : EvidenceListCard.Receipt(saved!.Incident, item, language, zone);
        }
        catch (IncidentRuleException e)
        {
            // Refused on the freshest state (closed meanwhile, or a check that passed a moment ago): say so on the form.
            return Form(errors, CardText.Rule(e, language));
        }
    }
}
