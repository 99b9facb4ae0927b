using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Rotations;
using static ChatOps.Incidents.Tests.Rotations.RotationFixture;

namespace ChatOps.Incidents.Tests.Rotations;

public sealed class OverrideTests
{
    private static readonly DateTimeOffset Now = At("2026-11-04T10:00:00+08:00");
    private static readonly Rotation Weekly = In("Asia/Shanghai", RotationFixture.Weekly("09:00", "2026-11-02", Alex, Megan));

    [Fact]
    public void An_override_wins_over_the_layers_for_its_interval_and_no_longer()
    {
        var (rotation, added) = Weekly.Override(Lee, Now, Now.AddHours(4), Megan, Now);

        Assert.Equal(new OnCall(Lee, null, added), rotation.WhoIsOnCall(Now));
        Assert.Equal(Lee, rotation.WhoIsOnCall(Now.AddHours(4).AddTicks(-1))!.Person);
        Assert.Equal(new OnCall(Alex, "weekly", null), rotation.WhoIsOnCall(Now.AddHours(4)));
        Assert.Equal(new ShiftChange(Now.AddHours(4), new OnCall(Alex, "weekly", null)), rotation.Next(Now));
        Assert.Equal(new ShiftChange(Now, new OnCall(Lee, null, added)), rotation.Next(Now.AddHours(-1)));
        Assert.Equal(Megan, added.AddedBy);
        Assert.Empty(Weekly.Overrides);
    }

    [Fact]
    public void Where_two_overrides_overlap_the_later_one_wins()
    {
        var (first, _) = Weekly.Override(Lee, Now, Now.AddHours(8), Alex, Now);
        var (both, _) = first.Override(Adele, Now.AddHours(2), Now.AddHours(4), Alex, Now);

        Assert.Equal([Lee, Adele, Lee], new[] { 1, 3, 5 }.Select(h => both.WhoIsOnCall(Now.AddHours(h))!.Person));
        Assert.Equal(new ShiftChange(Now.AddHours(2), both.WhoIsOnCall(Now.AddHours(2))), both.Next(Now));
    }

    [Fact]
    public void An_override_that_covers_the_person_already_on_call_is_no_change()
    {
        var (rotation, _) = Weekly.Override(Alex, Now, Now.AddHours(4), Alex, Now);

        Assert.Equal(At("2026-11-09T09:00:00+08:00"), rotation.Next(Now)!.At);
    }

    [Theory]
    [InlineData(0, Rules.OverrideEndsBeforeStart)]
    [InlineData(-2, Rules.OverrideEndsBeforeStart)]
    [InlineData(31 * 24 + 1, Rules.OverrideTooLong)]
    public void An_override_must_end_after_it_starts_and_last_at_most_31_days(int hours, string rule)
    {
        var refusal = Assert.Throws<IncidentRuleException>(() => Weekly.Override(Lee, Now, Now.AddHours(hours), Alex, Now));

        Assert.Equal(rule, refusal.Rule);
    }

    [Fact]
    public void Thirty_one_days_is_allowed_and_an_override_already_over_is_refused()
    {
        Assert.Single(Weekly.Override(Lee, Now, Now.AddDays(31), Alex, Now).Rotation.Overrides);
        Assert.Equal(Rules.OverrideEnded, Assert.Throws<IncidentRuleException>(() => Weekly.Override(Lee, Now.AddHours(-5), Now.AddHours(-1), Alex, Now)).Rule);
    }

    [Fact]
    public void Only_someone_on_the_rotation_adds_an_override()
    {
        var refusal = Assert.Throws<IncidentRuleException>(() => Weekly.Override(Lee, Now, Now.AddHours(1), Lee, Now));

        Assert.Equal((Rules.NotOnRotation, "Primary on-call"), (refusal.Rule, refusal.Arguments[0]));
    }
}
