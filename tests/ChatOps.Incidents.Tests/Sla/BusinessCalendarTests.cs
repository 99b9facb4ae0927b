using ChatOps.Incidents.Sla;

namespace ChatOps.Incidents.Tests.Sla;

public sealed class BusinessCalendarTests
{
    internal static readonly BusinessCalendar Shanghai = Weekdays("Asia/Shanghai", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2));
    internal static readonly BusinessCalendar NewYork = Weekdays("America/New_York");

    [Fact]
    public void Around_the_clock_is_plain_addition()
    {
        var start = new DateTimeOffset(2026, 11, 23, 23, 50, 0, TimeSpan.Zero);

        Assert.Equal(start.AddMinutes(30), BusinessCalendar.AlwaysOpen.Add(start, TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.FromDays(5), BusinessCalendar.AlwaysOpen.Elapsed(start, start.AddDays(5)));
    }

    [Fact]
    public void Friday_evening_time_carries_over_the_weekend_to_monday_morning()
    {
        // Friday 2026-11-27 17:00 in Shanghai (09:00 UTC); 4 working hours: 1 on Friday, 3 on Monday.
        var friday = new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(8));

        var due = Shanghai.Add(friday, TimeSpan.FromHours(4));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.FromHours(8)), due);
        Assert.Equal(TimeSpan.FromHours(4), Shanghai.Elapsed(friday, due));
    }

    [Fact]
    public void Holidays_are_skipped()
    {
        // Wednesday 2026-09-30 17:30; Thursday and Friday are the National Day holiday.
        var eve = new DateTimeOffset(2026, 9, 30, 17, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2026, 10, 5, 9, 30, 0, TimeSpan.FromHours(8)), Shanghai.Add(eve, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_start_outside_hours_begins_at_the_next_opening()
    {
        var night = new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(8)), Shanghai.Add(night, TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.Zero, Shanghai.Elapsed(night, night.AddHours(5)));
    }

    [Fact]
    public void Opening_hours_follow_the_local_clock_across_daylight_saving_changes()
    {
        // New York springs forward on Sunday 2026-03-08: Friday 17:00 EST (-5) + 2 h → Monday 10:00 EDT (-4).
        var friday = new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.FromHours(-5));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(-4)), NewYork.Add(friday, TimeSpan.FromHours(2)));

        // ... and falls back on Sunday 2026-11-01: Friday 17:30 EDT + 1 h → Monday 09:30 EST.
        var autumn = new DateTimeOffset(2026, 10, 30, 17, 30, 0, TimeSpan.FromHours(-4));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.FromHours(-5)), NewYork.Add(autumn, TimeSpan.FromHours(1)));
    }

    internal static BusinessCalendar Weekdays(string zone, params DateOnly[] holidays) => new(
        "business", TimeZoneInfo.FindSystemTimeZoneById(zone),
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(9, 0), new TimeOnly(18, 0), new HashSet<DateOnly>(holidays));
}
