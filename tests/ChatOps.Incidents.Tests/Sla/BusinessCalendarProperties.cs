using ChatOps.Incidents.Sla;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ChatOps.Incidents.Tests.Sla;

/// <summary>The business-hours arithmetic, for any start in 2026–2027 and any duration up to four working weeks, in two zones (one with DST).</summary>
public sealed class BusinessCalendarProperties
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 300, Arbitrary = [typeof(Inputs)])]
    public bool Time_added_is_the_time_measured(DateTimeOffset start, TimeSpan duration, bool newYork)
    {
        var calendar = newYork ? BusinessCalendarTests.NewYork : BusinessCalendarTests.Shanghai;
        return calendar.Elapsed(start, calendar.Add(start, duration)) == duration;
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(Inputs)])]
    public bool More_time_never_gives_an_earlier_deadline(DateTimeOffset start, TimeSpan duration, TimeSpan more, bool newYork)
    {
        var calendar = newYork ? BusinessCalendarTests.NewYork : BusinessCalendarTests.Shanghai;
        return calendar.Add(start, duration + more) >= calendar.Add(start, duration);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(Inputs)])]
    public bool A_positive_deadline_falls_inside_opening_hours(DateTimeOffset start, TimeSpan duration, bool newYork)
    {
        var calendar = newYork ? BusinessCalendarTests.NewYork : BusinessCalendarTests.Shanghai;
        if (duration == TimeSpan.Zero)
            return true;
        var due = calendar.Add(start, duration);
        // Just before the deadline, working time was still running.
        return calendar.Elapsed(due.AddMinutes(-1), due) == TimeSpan.FromMinutes(1) || duration < TimeSpan.FromMinutes(1);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Inputs)])]
    public bool Measuring_splits_at_any_midpoint(DateTimeOffset from, TimeSpan a, TimeSpan b)
    {
        var calendar = BusinessCalendarTests.NewYork;
        var mid = from + a;
        var to = mid + b;
        return calendar.Elapsed(from, mid) + calendar.Elapsed(mid, to) == calendar.Elapsed(from, to);
    }

    public static class Inputs
    {
        public static Arbitrary<DateTimeOffset> Starts() =>
            Gen.Choose(0, 2 * 365 * 24 * 60).Select(minutes => Origin.AddMinutes(minutes)).ToArbitrary();

        public static Arbitrary<TimeSpan> Durations() =>
            Gen.Choose(0, 4 * 5 * 9 * 60).Select(minutes => TimeSpan.FromMinutes(minutes)).ToArbitrary();
    }
}
