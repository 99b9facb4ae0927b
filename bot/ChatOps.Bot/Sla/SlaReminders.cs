using System.Globalization;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Telemetry;
using ChatOps.Cards.Incidents;
using ChatOps.Cards.Resources;
using ChatOps.Cards.Sla;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Pages;
using ChatOps.Incidents.Sla;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Bot.Sla;

/// <summary>
/// A clock threshold fell due: announce it once (the incident's state remembers it, under its ETag, so two instances
/// cannot both announce), post the reminder with an @mention of the commander and refresh the incident card.
/// Early (a job may run a second early) or moved by a pause: nothing now, and the new due time to re-schedule.
/// A post that fails for a while (Teams throttling or down past the connector's retries) fails the reminder, so its
/// deadline is retried; the retry finds the threshold recorded by its own earlier attempt and announces it then.
/// </summary>
internal sealed class SlaReminders(
    IncidentWriter writer, IIncidentStore store, SlaCatalog sla, IClientDirectory clients, IConnectorClient connector, CardUpdates updates,
    PlaybookCatalog playbooks, ChatOpsMetrics metrics, TimeProvider time, ILogger<SlaReminders> log)
{
    public async Task<SlaOutcome> FireAsync(SlaThreshold reminder, CancellationToken ct)
    {
        var (incidentId, clockId, percent) = (reminder.IncidentId, reminder.ClockId, reminder.Percent);
        var now = time.GetUtcNow();
        TimelineEvent? recorded = null;
        var saved = await writer.AppendAsync(incidentId, incident =>
        {
            now = time.GetUtcNow();
            var events = incident.FindClock(clockId) is { } clock ? incident.RecordSlaThreshold(clockId, percent, sla.Calendar(clock.CalendarId), Person.Bot, now, reminder.DueAt) : [];
            recorded = events.FirstOrDefault();
            return events;
        }, ct);
        if (saved?.Incident.FindClock(clockId) is not { } stored)
            return SlaOutcome.Nothing;
        ReminderReading? reading = null;
        if (recorded is null)
        {
            if (!stored.Fired.Contains(percent))
                return new SlaOutcome(false, stored.DueAt(percent, sla.Calendar(stored.CalendarId)), TimeSpan.Zero);
            // Recorded before: by another reminder of this threshold, which announced it, or by this one in an attempt that failed.
            recorded = await RecordedByAsync(reminder, ct);
            if (recorded is null)
                return SlaOutcome.Nothing;
            // A breach is paged only after its reminder was posted: a page for it means the attempt died after posting (killed
            // while paging, which waits on Teams' rate limits), so the reminder is not posted twice.
            if (percent >= 100)
            {
                reading = await ReadAsync(saved.Incident, clockId, percent, now, ct);
                if (saved.Incident.Pages.Any(p => p.Reason == PageReason.Breach && p.Message == reading.Headline))
                    return new SlaOutcome(true, null, TimeSpan.Zero) { Headline = reading.Headline };
            }
            log.LogInformation("The {Percent}% threshold of {Clock} on {IncidentId} was recorded by an attempt that failed; announcing it now", percent, clockId, incidentId);
        }
        else
        {
            metrics.SlaThreshold(stored.Id, saved.Incident.SeverityId, percent);
        }
        var lateBy = TimeSpan.Parse((string)recorded.Data["lateBy"]!, CultureInfo.InvariantCulture);
        reading ??= await ReadAsync(saved.Incident, clockId, percent, now, ct);
        await AnnounceAsync(saved.Incident, reading, lateBy, ct);
        return new SlaOutcome(true, null, lateBy) { Headline = reading.Headline };
    }

    /// <summary>
    /// The threshold's event when this reminder recorded it (an earlier attempt that failed before it finished), else null:
    /// another reminder of the same threshold (due before a pause moved it) recorded and announced it.
    /// </summary>
    private async Task<TimelineEvent?> RecordedByAsync(SlaThreshold reminder, CancellationToken ct)
    {
        var timeline = await store.ReadTimelineAsync(reminder.IncidentId, ct);
        var recorded = timeline.LastOrDefault(e => e.Type is "sla.warning" or "sla.breached" &&
            (string?)e.Data["clock"] == reminder.ClockId && (int?)e.Data["percent"] == reminder.Percent);
        return (string?)recorded?.Data["dueAt"] is { } due && DateTimeOffset.TryParse(due, CultureInfo.InvariantCulture, out var at) && at == reminder.DueAt
            ? recorded
            : null;
    }

    /// <summary>The client, its language, the clocks as they read now and the reminder's headline in the client's language.</summary>
    private async Task<ReminderReading> ReadAsync(Incident incident, string clockId, int percent, DateTimeOffset now, CancellationToken ct)
    {
        var client = await clients.FindAsync(incident.ClientId, ct);
        var language = Languages.FromLocale(client?.Locale);
        var lines = sla.Read(incident, now);
        var line = lines.First(l => l.Reading.ClockId == clockId);
        return new ReminderReading(client, language, lines, line, percent, SlaReminderCard.Headline(incident, line, percent, language));
    }

    /// <summary>Posts the reminder and refreshes the incident card.</summary>
    private async Task AnnounceAsync(Incident incident, ReminderReading reading, TimeSpan lateBy, CancellationToken ct)
    {
        var (client, language, lines, line, percent, _) = reading;
        if (incident.Channel is not { } channel || client is null)
            return;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone);
        var serviceUrl = new Uri(channel.ServiceUrl);
        try
        {
            var owner = client.Responders.FirstOrDefault(r => r.AadObjectId == incident.Commander.AadObjectId) ?? incident.Commander;
            await connector.SendAsync(serviceUrl, channel.ConversationId, CardMessages.Of(SlaReminderCard.Build(incident, line, percent, owner, lateBy, zone, language)), ct);
        }
        catch (Exception e) when (IsRefusedForGood(e))
        {
            // Retrying would not help (the bot left the team, the channel is gone) and must not hold a breach page back.
            log.LogWarning(e, "Could not post the {Percent}% reminder of {Clock} on {IncidentId}", percent, line.Reading.ClockId, incident.Id);
            return;
        }
        var card = IncidentCard.Build(incident, playbooks.Get(incident.PlaybookId), client, language, zone, clocks: lines);
        updates.Enqueue(serviceUrl, channel.ConversationId, channel.IncidentCardId, CardMessages.Of(card));
    }

    /// <summary>
    /// A refusal no retry changes. Throttling, a failing or unreachable Teams and timeouts are not: they propagate, and the
    /// deadline is retried later.
    /// </summary>
    private static bool IsRefusedForGood(Exception e) =>
        e is UntrustedServiceUrlException || e is ConnectorException { Status: var status } && (int)status is >= 400 and < 500 and not (408 or 412 or 429);
}

/// <param name="Announced">The threshold was announced now: recorded now, or by an attempt of the same reminder that failed before announcing it.</param>
/// <param name="DueAgainAt">Not reached yet (early, or paused and resumed): when to try again; null when nothing is left to do.</param>
internal sealed record SlaOutcome(bool Announced, DateTimeOffset? DueAgainAt, TimeSpan LateBy)
{
    /// <summary>What was announced, in the client's language (a breach page's message).</summary>
    public string? Headline { get; init; }

    public static SlaOutcome Nothing { get; } = new(false, null, TimeSpan.Zero);
}

/// <summary>What a reminder is built from, read once per firing.</summary>
internal sealed record ReminderReading(Client? Client, CultureInfo Language, IReadOnlyList<ClockLine> Lines, ClockLine Line, int Percent, string Headline);
