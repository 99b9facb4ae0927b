using ChatOps.Incidents.Rotations;
using static ChatOps.Incidents.Tests.Rotations.RotationFixture;

namespace ChatOps.Incidents.Tests.Rotations;

/// <summary>New York springs forward on 2026-03-08 (02:00 → 03:00) and falls back on 2026-11-01 (02:00 → 01:00); Shanghai has no DST.</summary>
public sealed class DaylightSavingTests
{
    [Fact]
    public void The_shift_across_spring_forward_is_23_hours_and_hands_off_at_the_same_wall_clock_time()
    {
        var layer = Daily("09:00", "2026-03-01", Alex, Megan);

        var shift = layer.ShiftAt(At("2026-03-07T20:00:00-05:00"), NewYork)!;

        Assert.Equal(At("2026-03-07T09:00:00-05:00"), shift.Start);
        Assert.Equal(At("2026-03-08T09:00:00-04:00"), shift.End);
        Assert.Equal(TimeSpan.FromHours(23), shift.End - shift.Start);
    }

    [Fact]
    public void The_shift_across_fall_back_is_25_hours()
    {
        var layer = Daily("09:00", "2026-10-01", Alex, Megan);

        var shift = layer.ShiftAt(At("2026-10-31T20:00:00-04:00"), NewYork)!;

        Assert.Equal(At("2026-10-31T09:00:00-04:00"), shift.Start);
        Assert.Equal(At("2026-11-01T09:00:00-05:00"), shift.End);
        Assert.Equal(TimeSpan.FromHours(25), shift.End - shift.Start);
    }

    [Fact]
    public void A_handoff_time_that_spring_forward_skips_happens_when_the_clocks_have_moved_on()
    {
        var rotation = In("America/New_York", Daily("02:30", "2026-03-01", Alex, Megan));
        var before = At("2026-03-08T01:59:00-05:00");

        var next = rotation.Next(before)!;

        // 02:30 does not exist that night: the handoff is at 03:30 EDT, one hour (not 23:30) after 02:30 EST would have been.
        Assert.Equal(At("2026-03-08T03:30:00-04:00"), next.At);
        Assert.Equal(TimeSpan.FromHours(-4), next.At.Offset);
        Assert.Equal(rotation.WhoIsOnCall(before)!.Person == Alex ? Megan : Alex, next.OnCall!.Person);
        Assert.Equal(rotation.WhoIsOnCall(before)!.Person, rotation.WhoIsOnCall(At("2026-03-08T03:29:00-04:00"))!.Person);
    }

    [Fact]
    public void A_handoff_time_that_fall_back_repeats_happens_at_its_first_occurrence()
    {
        var rotation = In("America/New_York", Daily("01:30", "2026-10-01", Alex, Megan));
        var before = At("2026-11-01T01:00:00-04:00");

        var next = rotation.Next(before)!;

        Assert.Equal(At("2026-11-01T01:30:00-04:00"), next.At);
        Assert.NotEqual(rotation.WhoIsOnCall(before)!.Person, next.OnCall!.Person);
        // The second 01:30 (EST) is within the new shift, not another handoff.
        Assert.Equal(next.OnCall.Person, rotation.WhoIsOnCall(At("2026-11-01T01:45:00-05:00"))!.Person);
        Assert.Equal(At("2026-11-02T01:30:00-05:00"), rotation.Next(At("2026-11-01T01:45:00-05:00"))!.At);
    }

    [Fact]
    public void A_weekly_layer_keeps_its_wall_clock_handoff_through_both_changes()
    {
        var rotation = In("America/New_York", Weekly("09:00", "2026-01-05", Alex, Megan, Adele));

        Assert.Equal(At("2026-03-09T09:00:00-04:00"), rotation.Next(At("2026-03-06T12:00:00-05:00"))!.At);
        Assert.Equal(At("2026-11-02T09:00:00-05:00"), rotation.Next(At("2026-10-30T12:00:00-04:00"))!.At);
    }

    [Fact]
    public void Business_hours_follow_the_local_clock_across_a_change()
    {
        var day = Daily("09:00", "2026-03-02", Lee) with { Only = TimeWindow.BusinessHours };
        var rotation = In("America/New_York", Daily("09:00", "2026-03-02", Alex), day);

        Assert.Equal(Alex, rotation.WhoIsOnCall(At("2026-03-09T12:30:00Z"))!.Person); // 08:30 EDT
        Assert.Equal(Lee, rotation.WhoIsOnCall(At("2026-03-09T13:00:00Z"))!.Person);  // 09:00 EDT
        Assert.Equal(Lee, rotation.WhoIsOnCall(At("2026-03-06T14:00:00Z"))!.Person);  // 09:00 EST
    }

    [Fact]
    public void In_Shanghai_every_shift_of_the_year_lasts_exactly_a_day()
    {
        var layer = Daily("09:00", "2026-01-01", Alex, Megan, Adele);
        var at = At("2026-01-01T09:00:00+08:00");

        for (var day = 0; day < 365; day++, at = at.AddDays(1))
        {
            var shift = layer.ShiftAt(at, Shanghai)!;
            Assert.Equal((at, TimeSpan.FromDays(1)), (shift.Start, shift.End - shift.Start));
        }
    }

    [Fact]
    public void The_same_instant_is_one_shift_in_Shanghai_and_another_in_New_York()
    {
        var at = At("2026-11-03T00:30:00Z"); // 08:30 in Shanghai, 19:30 the evening before in New York

        var shanghai = In("Asia/Shanghai", Daily("09:00", "2026-11-02", Alex, Megan)).WhoIsOnCall(at);
        var newYork = In("America/New_York", Daily("09:00", "2026-11-02", Alex, Megan)).WhoIsOnCall(at);

        Assert.Equal((Alex, Alex), (shanghai!.Person, newYork!.Person));
        Assert.Equal(Megan, In("Asia/Shanghai", Daily("09:00", "2026-11-02", Alex, Megan)).WhoIsOnCall(at.AddMinutes(30))!.Person);
        Assert.Equal(Alex, In("America/New_York", Daily("09:00", "2026-11-02", Alex, Megan)).WhoIsOnCall(at.AddMinutes(30))!.Person);
    }
}
