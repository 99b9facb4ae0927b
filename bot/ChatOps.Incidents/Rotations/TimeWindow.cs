namespace ChatOps.Incidents.Rotations;

/// <summary>
/// The hours a layer covers, e.g. business hours: Monday to Friday 09:00–18:00 in the rotation's zone. A window whose
/// end is not after its start runs overnight into the next day (Friday 22:00–06:00 ends on Saturday).
/// </summary>
public sealed record TimeWindow(IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    public static TimeWindow BusinessHours { get; } = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(18, 0));

    public bool Contains(DateTimeOffset at, TimeZoneInfo zone)
    {
        var date = DateOnly.FromDateTime(ZonedTime.Local(at, zone));
        return Opening(date.AddDays(-1), zone) is { } yesterday && at >= yesterday.Start && at < yesterday.End
            || Opening(date, zone) is { } today && at >= today.Start && at < today.End;
    }

    /// <summary>The first opening or closing of the window after the instant (within the coming week).</summary>
    public DateTimeOffset? NextEdge(DateTimeOffset after, TimeZoneInfo zone)
    {
        var date = DateOnly.FromDateTime(ZonedTime.Local(after, zone));
        for (var day = -1; day <= 8; day++)
        {
            if (Opening(date.AddDays(day), zone) is not { } opening)
                continue;
            if (opening.Start > after)
                return opening.Start;
            if (opening.End > after)
                return opening.End;
        }
        return null;
    }

    /// <summary>The window opened on a local date, as instants; none when the day is not one of its days.</summary>
    private (DateTimeOffset Start, DateTimeOffset End)? Opening(DateOnly date, TimeZoneInfo zone) =>
        Days.Contains(date.DayOfWeek)
            ? (ZonedTime.Instant(date, From, zone), ZonedTime.Instant(To > From ? date : date.AddDays(1), To, zone))
            : null;
}
