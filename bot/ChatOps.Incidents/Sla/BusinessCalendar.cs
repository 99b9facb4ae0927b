namespace ChatOps.Incidents.Sla;

/// <summary>
/// When contract time runs: around the clock, or on working days between opening hours in a time zone, minus
/// holidays. Adds and measures working time across weekends, holidays and daylight-saving changes.
/// </summary>
public sealed record BusinessCalendar(string Id, TimeZoneInfo Zone, IReadOnlySet<DayOfWeek> Days, TimeOnly Open, TimeOnly Close, IReadOnlySet<DateOnly> Holidays)
{
    /// <summary>How far ahead a deadline is searched: a calendar with no working time left would loop for ever.</summary>
    private const int MaxDays = 3 * 366;

    public static BusinessCalendar AlwaysOpen { get; } = new("24x7", TimeZoneInfo.Utc, new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>()), TimeOnly.MinValue, TimeOnly.MinValue, new HashSet<DateOnly>());

    /// <summary>Open and close at the same time of day means the whole day (24×7 when every day is a working day).</summary>
    public bool IsAlwaysOpen => Open == Close && Days.Count == 7 && Holidays.Count == 0;

    /// <summary>The instant when <paramref name="duration"/> of working time has passed after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (IsAlwaysOpen)
            return start + duration;
        var left = duration;
        foreach (var (from, to) in Windows(start))
        {
            var begin = from > start ? from : start;
            if (to - begin >= left)
                return begin + left;
            left -= to - begin;
        }
        throw new InvalidOperationException($"Calendar {Id} has no working time within {MaxDays} days of {start:O}.");
    }

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        if (IsAlwaysOpen)
            return to - from;
        var total = TimeSpan.Zero;
        foreach (var (open, close) in Windows(from))
        {
            if (open >= to)
                break;
            var begin = open > from ? open : from;
            var end = close < to ? close : to;
            if (end > begin)
                total += end - begin;
        }
        return total;
    }

    /// <summary>Working windows (UTC instants) that end after <paramref name="after"/>, in order.</summary>
    private IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> Windows(DateTimeOffset after)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, Zone).DateTime).AddDays(-1);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (!Days.Contains(day.DayOfWeek) || Holidays.Contains(day))
                continue;
            var open = Instant(day, Open);
            var close = Open < Close ? Instant(day, Close) : Instant(day.AddDays(1), Close);
            if (close > after && close > open)
                yield return (open, close);
        }
    }

    /// <summary>A local wall-clock time as an instant: a time skipped by a DST jump moves past the gap; a repeated one takes its first occurrence.</summary>
    private DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
            local = local.AddMinutes(15);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
