using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Sla;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Incidents;

/// <summary>The contract clocks: started, paused and stopped by the incident's own events; thresholds announced once.</summary>
public sealed partial class Incident
{
    [JsonInclude] public List<SlaClock> Clocks { get; private set; } = [];
    [JsonInclude] public string? SlaPolicyId { get; private set; }
    [JsonInclude] public DateTimeOffset? AcknowledgedAt { get; private set; }

    public SlaClock? FindClock(string clockId) => Clocks.FirstOrDefault(c => c.Id == clockId);

    /// <summary>A responder takes the incident on: stops the acknowledge clock (once).</summary>
    public IReadOnlyList<TimelineEvent> Acknowledge(Person by, DateTimeOffset now)
    {
        EnsureOpen();
        if (AcknowledgedAt is not null)
            return [];
        AcknowledgedAt = now;
        return [Record("incident.acknowledged", by, now, new JsonObject())];
    }

    /// <summary>
    /// Announces that a clock reached <paramref name="percent"/> of its target: a warning, or at 100 % a breach.
    /// Nothing when already announced or not yet reached (a job that ran early re-checks here).
    /// </summary>
    /// <param name="dueAt">
    /// When the reminder that records it was due, kept on the event: the same threshold may have several reminders (a pause
    /// moves its due time), and one retried after a failure must tell its own record from another's.
    /// </param>
    public IReadOnlyList<TimelineEvent> RecordSlaThreshold(string clockId, int percent, BusinessCalendar calendar, Person by, DateTimeOffset now, DateTimeOffset? dueAt = null)
    {
        var clock = FindClock(clockId);
        if (IsClosed || clock is null || clock.Fired.Contains(percent) || clock.StartedAt is null || clock.StoppedAt is not null)
            return [];
        var consumed = clock.Consumed(calendar, now);
        if (consumed < clock.Target * percent / 100)
            return [];
        clock.Fired.Add(percent);
        var over = consumed - clock.Target * percent / 100;
        var data = new JsonObject
        {
            ["clock"] = clockId, ["percent"] = percent, ["target"] = clock.Target.ToString("c", CultureInfo.InvariantCulture),
            ["consumed"] = consumed.ToString("c", CultureInfo.InvariantCulture), ["lateBy"] = over.ToString("c", CultureInfo.InvariantCulture),
        };
        if (dueAt is { } due)
            data["dueAt"] = due.ToString("O", CultureInfo.InvariantCulture);
        return [Record(percent >= 100 ? "sla.breached" : "sla.warning", by, now, data)];
    }

    /// <summary>Thresholds not yet announced on running clocks, with when each falls due as things stand.</summary>
    public IEnumerable<SlaThreshold> PendingThresholds(IReadOnlyList<int> warnings, Func<string, BusinessCalendar> calendars)
    {
        if (IsClosed)
            yield break;
        foreach (var clock in Clocks.Where(c => c.IsRunning))
        {
            foreach (var percent in warnings.Where(p => !clock.Fired.Contains(p)))
            {
                if (clock.DueAt(percent, calendars(clock.CalendarId)) is { } due)
                    yield return new SlaThreshold(Id, clock.Id, percent, due);
            }
        }
    }

    private void AttachSla(SlaPolicy? policy, string severityId)
    {
        if (policy is null)
            return;
        SlaPolicyId = policy.Id;
        Clocks = [.. policy.Clocks.Where(c => c.Targets.ContainsKey(severityId)).Select(c => new SlaClock(c, c.Targets[severityId]))];
    }

    /// <summary>Each recorded event may start, pause, resume or stop clocks; waiting on the client's decision pauses those that say so.</summary>
    private void ObserveClocks(TimelineEvent e)
    {
        var awaitingClient = Approvals.Any(a => a.IsOpen);
        foreach (var clock in Clocks)
        {
            if (clock.StartedAt is null && EventTrigger.Parse(clock.Starts).Matches(e))
                clock.StartedAt = e.At;
            if (clock.StartedAt is null || clock.StoppedAt is not null)
                continue;
            if (EventTrigger.Parse(clock.Stops).Matches(e) || e.Type == "incident.closed")
            {
                Resume(clock, e.At);
                clock.StoppedAt = e.At;
            }
            else if (clock.PausesForClient && awaitingClient && !clock.IsPaused)
            {
                clock.Pauses.Add(new ClockPause(e.At, null));
            }
            else if (clock.PausesForClient && !awaitingClient)
            {
                Resume(clock, e.At);
            }
        }
    }

    private static void Resume(SlaClock clock, DateTimeOffset at)
    {
        if (clock.IsPaused)
            clock.Pauses[^1] = clock.Pauses[^1] with { To = at };
    }
}
