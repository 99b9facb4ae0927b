using System.Text.Json.Serialization;

namespace ChatOps.Incidents.Sla;

/// <summary>
/// One contract clock of an incident: when it started, its pauses, when it stopped, and the thresholds already
/// announced. Instants only; how much contract time has passed depends on the calendar it runs on.
/// </summary>
public sealed class SlaClock
{
    [JsonConstructor]
    internal SlaClock() { }

    internal SlaClock(ClockDefinition definition, TimeSpan target)
    {
        Id = definition.Id;
        CalendarId = definition.CalendarId;
        Target = target;
        Starts = definition.Starts.ToString();
        Stops = definition.Stops.ToString();
        PausesForClient = definition.PausesForClient;
    }

    [JsonInclude] public string Id { get; private set; } = "";
    [JsonInclude] public string CalendarId { get; private set; } = "";
    [JsonInclude] public TimeSpan Target { get; private set; }
    [JsonInclude] public string Starts { get; private set; } = "";
    [JsonInclude] public string Stops { get; private set; } = "";
    [JsonInclude] public bool PausesForClient { get; private set; }
    [JsonInclude] public DateTimeOffset? StartedAt { get; internal set; }
    [JsonInclude] public DateTimeOffset? StoppedAt { get; internal set; }
    [JsonInclude] public List<ClockPause> Pauses { get; private set; } = [];
    /// <summary>Thresholds (percent of the target) already announced: each is announced once.</summary>
    [JsonInclude] public List<int> Fired { get; private set; } = [];

    public bool IsPaused => Pauses.Count > 0 && Pauses[^1].To is null;

    public bool IsRunning => StartedAt is not null && StoppedAt is null && !IsPaused;

    /// <summary>Contract time used up to <paramref name="now"/>: the running spans, minus pauses, on the calendar.</summary>
    public TimeSpan Consumed(BusinessCalendar calendar, DateTimeOffset now)
    {
        if (StartedAt is not { } start)
            return TimeSpan.Zero;
        var end = StoppedAt is { } stop && stop < now ? stop : now;
        var total = TimeSpan.Zero;
        var from = start;
        foreach (var pause in Pauses)
        {
            total += calendar.Elapsed(from, pause.From < end ? pause.From : end);
            from = pause.To ?? DateTimeOffset.MaxValue;
        }
        return total + calendar.Elapsed(from, end);
    }

    /// <summary>When the clock reaches <paramref name="percent"/> of its target while it keeps running; null when it is not running.</summary>
    public DateTimeOffset? DueAt(int percent, BusinessCalendar calendar)
    {
        if (!IsRunning)
            return null;
        var resumed = Pauses.Count > 0 ? Pauses[^1].To!.Value : StartedAt!.Value;
        var need = Target * percent / 100 - Consumed(calendar, resumed);
        return need <= TimeSpan.Zero ? resumed : calendar.Add(resumed, need);
    }

    public SlaReading Read(BusinessCalendar calendar, DateTimeOffset now)
    {
        var consumed = Consumed(calendar, now);
        var state = StartedAt is null ? SlaState.NotStarted
            : StoppedAt is not null ? (consumed <= Target ? SlaState.Met : SlaState.MissedAndStopped)
            : consumed > Target ? SlaState.Breached
            : IsPaused ? SlaState.Paused : SlaState.Running;
        return new SlaReading(Id, state, consumed, Target, DueAt(100, calendar), (int)Math.Min(999, consumed / Target * 100));
    }
}

public sealed record ClockPause(DateTimeOffset From, DateTimeOffset? To);

public enum SlaState
{
    NotStarted,
    Running,
    Paused,
    Breached,
    Met,
    MissedAndStopped,
}

/// <summary>A clock as read at one instant: for cards and reminders.</summary>
public sealed record SlaReading(string ClockId, SlaState State, TimeSpan Consumed, TimeSpan Target, DateTimeOffset? Deadline, int Percent);

/// <summary>A clock's name with its reading: one line of the incident card.</summary>
public sealed record ClockLine(Playbooks.LocalizedText Name, SlaReading Reading);

/// <summary>A warning (or at 100 % the breach) of one clock, due at an instant: what a reminder job is scheduled for.</summary>
public sealed record SlaThreshold(string IncidentId, string ClockId, int Percent, DateTimeOffset DueAt);
