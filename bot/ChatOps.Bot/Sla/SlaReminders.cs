using ChatOps.Bot.Conversations;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Telemetry;
using ChatOps.Cards.Incidents;
using ChatOps.Cards.Resources;
using ChatOps.Cards.Sla;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Sla;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Bot.Sla;

/// <summary>
/// A clock threshold fell due: announce it once (the incident's state remembers it, under its ETag, so two instances
/// cannot both announce), post the reminder with an @mention of the commander and refresh the incident card.
/// Early (a job may run a second early) or moved by a pause: nothing now, and the new due time to re-schedule.
/// </summary>
internal sealed class SlaReminders(
    IncidentWriter writer, SlaCatalog sla, IClientDirectory clients, IConnectorClient connector, CardUpdates updates, PlaybookCatalog playbooks,
    ChatOpsMetrics metrics, TimeProvider time, ILogger<SlaReminders> log)
{
    public async Task<SlaOutcome> FireAsync(string incidentId, string clockId, int percent, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        TimelineEvent? recorded = null;
        var saved = await writer.AppendAsync(incidentId, incident =>
        {
            now = time.GetUtcNow();
            var events = incident.FindClock(clockId) is { } clock ? incident.RecordSlaThreshold(clockId, percent, sla.Calendar(clock.CalendarId), Person.Bot, now) : [];
            recorded = events.FirstOrDefault();
            return events;
        }, ct);
        if (saved?.Incident.FindClock(clockId) is not { } stored)
            return SlaOutcome.Nothing;
        if (recorded is null)
            return stored.Fired.Contains(percent) ? SlaOutcome.Nothing : new SlaOutcome(false, stored.DueAt(percent, sla.Calendar(stored.CalendarId)), TimeSpan.Zero);
        var lateBy = TimeSpan.Parse((string)recorded.Data["lateBy"]!, System.Globalization.CultureInfo.InvariantCulture);
        metrics.SlaThreshold(stored.Id, saved.Incident.SeverityId, percent);
        var headline = await AnnounceAsync(saved.Incident, clockId, percent, lateBy, now, ct);
        return new SlaOutcome(true, null, lateBy) { Headline = headline };
    }

    /// <summary>Posts the reminder and refreshes the incident card; returns the reminder's headline in the client's language.</summary>
    private async Task<string> AnnounceAsync(Incident incident, string clockId, int percent, TimeSpan lateBy, DateTimeOffset now, CancellationToken ct)
    {
        var client = await clients.FindAsync(incident.ClientId, ct);
        var language = Languages.FromLocale(client?.Locale);
        var lines = sla.Read(incident, now);
        var line = lines.First(l => l.Reading.ClockId == clockId);
        var headline = SlaReminderCard.Headline(incident, line, percent, language);
        if (incident.Channel is not { } channel || client is null)
            return headline;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone);
        var serviceUrl = new Uri(channel.ServiceUrl);
        try
        {
            var owner = client.Responders.FirstOrDefault(r => r.AadObjectId == incident.Commander.AadObjectId) ?? incident.Commander;
            await connector.SendAsync(serviceUrl, channel.ConversationId, CardMessages.Of(SlaReminderCard.Build(incident, line, percent, owner, lateBy, zone, language)), ct);
            var card = IncidentCard.Build(incident, playbooks.Get(incident.PlaybookId), client, language, zone, clocks: lines);
            updates.Enqueue(serviceUrl, channel.ConversationId, channel.IncidentCardId, CardMessages.Of(card));
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            // The threshold is on the record; the card shows it at the next update.
            log.LogWarning(e, "Could not post the {Percent}% reminder of {Clock} on {IncidentId}", percent, clockId, incident.Id);
        }
        return headline;
    }
}

/// <param name="Announced">The threshold was recorded and announced now.</param>
/// <param name="DueAgainAt">Not reached yet (early, or paused and resumed): when to try again; null when nothing is left to do.</param>
internal sealed record SlaOutcome(bool Announced, DateTimeOffset? DueAgainAt, TimeSpan LateBy)
{
    /// <summary>What was announced, in the client's language (a breach page's message).</summary>
    public string? Headline { get; init; }

    public static SlaOutcome Nothing { get; } = new(false, null, TimeSpan.Zero);
}
