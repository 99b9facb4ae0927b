using System.Text.Json.Serialization;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Incidents.Rotations;

/// <summary>
/// An on-call rotation: layers of shifts in one time zone (an IANA id) and the overrides added to it. An override
/// wins over the layers for its interval (the latest added where two overlap); otherwise the last layer with
/// someone on call wins, so a business-hours layer listed after a 24×7 layer takes the day.
/// </summary>
public sealed record Rotation(string Id, string Name, string TimeZone, IReadOnlyList<RotationLayer> Layers)
{
    /// <summary>How far <see cref="Next"/> looks ahead for a change.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(366);

    public IReadOnlyList<RotationOverride> Overrides { get; init; } = [];

    /// <summary>Everyone who takes shifts in a layer.</summary>
    [JsonIgnore]
    public IEnumerable<Person> People => Layers.SelectMany(l => l.Participants).DistinctBy(p => p.AadObjectId);

    public TimeZoneInfo Zone() => ZonedTime.Zone(TimeZone);

    public OnCall? WhoIsOnCall(DateTimeOffset at) => WhoIsOnCall(at, Zone());

    /// <summary>The next instant after <paramref name="at"/> at which someone else is on call (or nobody, or somebody again); none within the horizon.</summary>
    public ShiftChange? Next(DateTimeOffset at)
    {
        var zone = Zone();
        var now = WhoIsOnCall(at, zone);
        for (var t = at; t - at < Horizon;)
        {
            if (NextBoundary(t, zone) is not { } boundary)
                return null;
            t = boundary;
            var then = WhoIsOnCall(t, zone);
            if (now is null ? then is not null : !now.Is(then?.Person))
                return new ShiftChange(t, then);
        }
        return null;
    }

    /// <summary>
    /// Adds an override: <paramref name="person"/> is on call from <paramref name="from"/> until <paramref name="to"/>.
    /// Refused when it ends before it starts, lasts longer than <see cref="RotationOverride.MaxLength"/>, or has already
    /// ended, and when <paramref name="by"/> takes no shifts in the rotation (a client in the incident channel cannot).
    /// </summary>
    public (Rotation Rotation, RotationOverride Override) Override(Person person, DateTimeOffset from, DateTimeOffset to, Person by, DateTimeOffset now)
    {
        if (!People.Any(p => p.AadObjectId == by.AadObjectId))
            throw new IncidentRuleException(Rules.NotOnRotation, Name);
        if (to <= from)
            throw new IncidentRuleException(Rules.OverrideEndsBeforeStart);
        if (to - from > RotationOverride.MaxLength)
            throw new IncidentRuleException(Rules.OverrideTooLong, ((int)RotationOverride.MaxLength.TotalDays).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (to <= now)
            throw new IncidentRuleException(Rules.OverrideEnded);
        var added = new RotationOverride(person, from, to, by, now);
        return (this with { Overrides = [.. Overrides, added] }, added);
    }

    private OnCall? WhoIsOnCall(DateTimeOffset at, TimeZoneInfo zone)
    {
        if (Overrides.LastOrDefault(o => o.Covers(at)) is { } cover)
            return new OnCall(cover.Person, null, cover);
        for (var i = Layers.Count - 1; i >= 0; i--)
        {
            if (Layers[i].OnCallAt(at, zone) is { } person)
                return new OnCall(person, Layers[i].Name, null);
        }
        return null;
    }

    /// <summary>The first instant after <paramref name="after"/> where a layer or an override may change who is on call.</summary>
    private DateTimeOffset? NextBoundary(DateTimeOffset after, TimeZoneInfo zone) =>
        Layers.Select(l => l.NextChange(after, zone))
            .Concat(Overrides.SelectMany(o => new DateTimeOffset?[] { o.From, o.To }))
            .Where(b => b > after)
            .Min();
}
