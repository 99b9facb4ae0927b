using ChatOps.Incidents.Rotations;
using static ChatOps.Incidents.Tests.Rotations.RotationFixture;

namespace ChatOps.Incidents.Tests.Rotations;

public sealed class ShiftTests
{
    [Fact]
    public void A_daily_layer_hands_off_at_its_local_handoff_time_in_turn_order()
    {
        var rotation = In("Asia/Shanghai", Daily("09:00", "2026-11-02", Alex, Megan, Adele));

        Assert.Equal(Alex, rotation.WhoIsOnCall(At("2026-11-02T09:00:00+08:00"))!.Person);
        Assert.Equal(Alex, rotation.WhoIsOnCall(At("2026-11-03T08:59:59+08:00"))!.Person);
        Assert.Equal(Megan, rotation.WhoIsOnCall(At("2026-11-03T09:00:00+08:00"))!.Person);
        Assert.Equal(Adele, rotation.WhoIsOnCall(At("2026-11-04T12:00:00+08:00"))!.Person);
        Assert.Equal(Alex, rotation.WhoIsOnCall(At("2026-11-05T09:00:00+08:00"))!.Person);
        Assert.Equal("daily", rotation.WhoIsOnCall(At("2026-11-05T09:00:00+08:00"))!.Layer);
    }

    [Fact]
    public void A_weekly_layer_hands_off_on_its_start_weekday()
    {
        var rotation = In("Asia/Shanghai", Weekly("09:00", "2026-11-02", Alex, Megan, Adele));

        Assert.Equal(DayOfWeek.Monday, rotation.Layers[0].HandoffDay);
        Assert.Equal(Alex, rotation.WhoIsOnCall(At("2026-11-08T23:00:00+08:00"))!.Person);
        Assert.Equal(Alex, rotation.WhoIsOnCall(At("2026-11-09T08:59:00+08:00"))!.Person);
        Assert.Equal(Megan, rotation.WhoIsOnCall(At("2026-11-09T09:00:00+08:00"))!.Person);
        Assert.Equal(Adele, rotation.WhoIsOnCall(At("2026-11-16T09:00:00+08:00"))!.Person);
        Assert.Equal(Alex, rotation.WhoIsOnCall(At("2026-11-23T09:00:00+08:00"))!.Person);
        Assert.Equal(new ShiftChange(At("2026-11-09T09:00:00+08:00"), new OnCall(Megan, "weekly", null)), rotation.Next(At("2026-11-04T15:00:00+08:00")));
    }

    [Fact]
    public void Before_its_start_a_layer_has_nobody_and_next_is_its_first_shift()
    {
        var rotation = In("Asia/Shanghai", Daily("09:00", "2026-11-02", Alex, Megan));

        Assert.Null(rotation.WhoIsOnCall(At("2026-11-02T08:59:00+08:00")));
        Assert.Equal(new ShiftChange(At("2026-11-02T09:00:00+08:00"), new OnCall(Alex, "daily", null)), rotation.Next(At("2026-11-01T00:00:00+08:00")));
    }

    [Fact]
    public void A_later_layer_takes_precedence_where_it_has_someone()
    {
        var day = Daily("09:00", "2026-11-02", Lee) with { Name = "day", Only = TimeWindow.BusinessHours };
        var rotation = In("Asia/Shanghai", Weekly("09:00", "2026-11-02", Alex, Megan), day);

        Assert.Equal(new OnCall(Lee, "day", null), rotation.WhoIsOnCall(At("2026-11-04T10:00:00+08:00")));
        Assert.Equal(new OnCall(Alex, "weekly", null), rotation.WhoIsOnCall(At("2026-11-04T18:00:00+08:00")));
        Assert.Equal(new OnCall(Alex, "weekly", null), rotation.WhoIsOnCall(At("2026-11-07T10:00:00+08:00")));
        Assert.Equal(new ShiftChange(At("2026-11-04T18:00:00+08:00"), new OnCall(Alex, "weekly", null)), rotation.Next(At("2026-11-04T10:00:00+08:00")));
        // Friday evening to Monday morning is the weekly layer's; Monday 09:00 the day layer and the weekly handoff coincide.
        Assert.Equal(new ShiftChange(At("2026-11-09T09:00:00+08:00"), new OnCall(Lee, "day", null)), rotation.Next(At("2026-11-06T20:00:00+08:00")));
    }

    [Fact]
    public void An_overnight_window_runs_into_the_next_day()
    {
        var nights = Daily("00:00", "2026-11-02", Megan) with { Name = "nights", Only = new TimeWindow([DayOfWeek.Friday], new TimeOnly(22, 0), new TimeOnly(6, 0)) };
        var rotation = In("Asia/Shanghai", Daily("09:00", "2026-11-02", Alex), nights);

        Assert.Equal(Megan, rotation.WhoIsOnCall(At("2026-11-06T23:00:00+08:00"))!.Person);
        Assert.Equal(Megan, rotation.WhoIsOnCall(At("2026-11-07T05:59:00+08:00"))!.Person);
        Assert.Equal(Alex, rotation.WhoIsOnCall(At("2026-11-07T06:00:00+08:00"))!.Person);
        Assert.Equal(Alex, rotation.WhoIsOnCall(At("2026-11-05T23:00:00+08:00"))!.Person);
    }

    [Fact]
    public void With_one_person_around_the_clock_nothing_changes_within_the_horizon()
    {
        var rotation = In("Asia/Shanghai", Daily("09:00", "2026-11-02", Alex));

        Assert.Null(rotation.Next(At("2026-11-04T10:00:00+08:00")));
    }
}
