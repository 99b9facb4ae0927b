using ChatOps.Bot.Conversations;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Checklists;
using ChatOps.Cards.Help;
using ChatOps.Cards.Reports;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Bot.Incidents;

/// <summary>
/// Applies a checklist click: reload, check who clicked, apply to the current state (a stale click is not applied),
/// store state and events together (retrying a lost race), then update the card for everyone.
/// </summary>
internal sealed class ChecklistChanges(IIncidentStore store, IClientDirectory clients, PlaybookCatalog playbooks, IConnectorClient connector, CardUpdates updates, TimeProvider time, ILogger<ChecklistChanges> log)
{
    private const int Attempts = 3;

    /// <summary>The change returns its events, or null when the click no longer matches the incident (stale).</summary>
    public delegate IReadOnlyList<TimelineEvent>? Change(Incident incident, Playbook playbook, Person by, DateTimeOffset now);

    /// <param name="shown">The phase of the card that was clicked.</param>
    public async Task<AdaptiveCard> ApplyAsync(Turn turn, string incidentId, Func<Incident, Playbook, string> shown, Change change, CancellationToken ct)
    {
        var language = turn.Language;
        var by = turn.Sender;
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(incidentId, ct);
            if (stored is null)
                return NoticeCard.Attention(CardText.Format("Incident.Unknown", language, incidentId), language);
            var incident = stored.Incident;
            var playbook = playbooks.Get(incident.PlaybookId);
            var client = await clients.FindAsync(incident.ClientId, ct);
            var phaseShown = shown(incident, playbook);
            if (!ResponseTeam.Includes(incident, client, by))
                return ChecklistCard.Build(incident, playbook, phaseShown, language, CardText.Get("Checklist.NotAllowed", language));
            IReadOnlyList<TimelineEvent>? events;
            try
            {
                events = change(incident, playbook, by, time.GetUtcNow());
            }
            catch (IncidentRuleException e)
            {
                return ChecklistCard.Build(incident, playbook, phaseShown, language, CardText.Format("Checklist.Refused", language, CardText.Rule(e, language)));
            }
            if (events is null)
                return ChecklistCard.Build(incident, playbook, phaseShown, language, CardText.Get("Checklist.Stale", language));
            try
            {
                var saved = events.Count == 0 ? stored : await store.SaveAsync(stored, events, ct);
                await ShowEveryoneAsync(saved, playbook, client!, phaseShown, ct);
                return ChecklistCard.Build(saved.Incident, playbook, phaseShown, language);
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                log.LogInformation("Checklist change on {IncidentId} lost a race; reapplying (attempt {Attempt})", incidentId, attempt);
            }
        }
    }

    /// <summary>Queues the clicked phase's card update for everyone; after a phase change, posts the next phase's checklist.</summary>
    private async Task ShowEveryoneAsync(StoredIncident saved, Playbook playbook, Client client, string phaseShown, CancellationToken ct)
    {
        var incident = saved.Incident;
        if (incident.Channel is not { } channel)
            return;
        var language = Languages.FromLocale(client.Locale);
        var serviceUrl = new Uri(channel.ServiceUrl);
        try
        {
            if (channel.ChecklistCards.TryGetValue(phaseShown, out var cardId))
                updates.Enqueue(serviceUrl, channel.ConversationId, cardId, CardMessages.Of(ChecklistCard.Build(incident, playbook, phaseShown, language)));
            if (incident.Phase != phaseShown && !channel.ChecklistCards.ContainsKey(incident.Phase))
            {
                var posted = await connector.SendAsync(serviceUrl, channel.ConversationId, CardMessages.Of(ChecklistCard.Build(incident, playbook, incident.Phase, language)), ct);
                incident.RecordChecklistCard(incident.Phase, posted.Id ?? "");
                await store.SaveAsync(saved, [], ct);
                // The last phase asks for what only people know, for the report.
                if (incident.Phase == Playbook.PhaseIds[^1])
                    await connector.SendAsync(serviceUrl, channel.ConversationId, CardMessages.Of(SummaryFormCard.Build(incident, TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone), language)), ct);
            }
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or ConcurrencyException)
        {
            // The change is stored; the channel's card catches up on the next change.
            log.LogWarning(e, "Could not update the checklist card of {IncidentId} for everyone", incident.Id);
        }
    }

}
