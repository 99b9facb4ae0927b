using System.Text.Json.Serialization;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Incidents.Rotations;

/// <summary>How long one shift of a layer lasts: a day or a week, handing off at the layer's local handoff time.</summary>
public enum ShiftKind
{
    Daily,
    Weekly,
}

/// <summary>One person's shift in a layer, from handoff to handoff.</summary>
public sealed record Shift(Person Person, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// A layer of a rotation: its participants take turns, in order, one shift each, starting on the start date at the
/// handoff time (a weekly layer hands off on the start date's weekday). With <see cref="Only"/> it covers those hours only.
/// Shifts are counted in local days, so a shift across a daylight-saving change is an hour shorter or longer.
/// </summary>
public sealed record RotationLayer(string Name, ShiftKind Kind, TimeOnly Handoff, DateOnly Start, IReadOnlyList<Person> Participants)
{
    public TimeWindow? Only { get; init; }

    [JsonIgnore]
    public DayOfWeek HandoffDay => Start.DayOfWeek;

    private int Days => Kind == ShiftKind.Weekly ? 7 : 1;

    /// <summary>The shift running at the instant, whether or not the layer's hours cover it; none before the layer starts.</summary>
    public Shift? ShiftAt(DateTimeOffset at, TimeZoneInfo zone)
    {
        if (Participants.Count == 0 || at < Handover(0, zone))
            return null;
        var n = (DateOnly.FromDateTime(ZonedTime.Local(at, zone)).DayNumber - Start.DayNumber) / Days;
        while (n > 0 && at < Handover(n, zone))
            n--;
        while (at >= Handover(n + 1, zone))
            n++;
        return new Shift(Participants[n % Participants.Count], Handover(n, zone), Handover(n + 1, zone));
    }

    /// <summary>Who this layer puts on call at the instant: none before it starts or outside its hours.</summary>
    public Person? OnCallAt(DateTimeOffset at, TimeZoneInfo zone) =>
        Only is { } window && !window.Contains(at, zone) ? null : ShiftAt(at, zone)?.Person;

    /// <summary>The first instant after the given one at which this layer may put someone else on call: a handoff or an edge of its hours.</summary>
    public DateTimeOffset? NextChange(DateTimeOffset after, TimeZoneInfo zone)
    {
        if (Participants.Count == 0)
            return null;
        var handoff = ShiftAt(after, zone)?.End ?? Handover(0, zone);
        return Only?.NextEdge(after, zone) is { } edge && edge < handoff ? edge : handoff;
    }

    /// <summary>The start of shift n: the start date plus n shifts, at the handoff time.</summary>
    private DateTimeOffset Handover(int n, TimeZoneInfo zone) => ZonedTime.Instant(Start.AddDays(n * Days), Handoff, zone);
}
