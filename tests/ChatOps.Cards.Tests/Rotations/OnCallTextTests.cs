using ChatOps.Cards.Resources;
using ChatOps.Cards.Rotations;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Rotations;

namespace ChatOps.Cards.Tests.Rotations;

public sealed class OnCallTextTests
{
    private static readonly Person Alex = new("aad-alex", "Alex Wilber");
    private static readonly Person Megan = new("aad-megan", "Megan Bowen");
    private static readonly DateTimeOffset Now = new(2026, 11, 4, 2, 0, 0, TimeSpan.Zero); // Wednesday 10:00 in Shanghai

    private static readonly Rotation Primary = new("primary", "Primary on-call", "Asia/Shanghai",
        [new RotationLayer("weekly", ShiftKind.Weekly, new TimeOnly(9, 0), new DateOnly(2026, 11, 2), [Alex, Megan])]);

    [Fact]
    public void The_line_names_who_is_on_call_now_and_next_with_the_handoff_in_the_rotations_zone()
    {
        Assert.Equal("Primary on-call (Asia/Shanghai): now Alex Wilber (weekly); next Megan Bowen (weekly) from 2026-11-09 09:00 UTC+08:00",
            OnCallText.Line(Primary, Now, Languages.English));
        Assert.Equal("Primary on-call（Asia/Shanghai）：当前 Alex Wilber（weekly）；下一班 Megan Bowen（weekly），自 2026-11-09 09:00 UTC+08:00 起",
            OnCallText.Line(Primary, Now, Languages.Chinese));
    }

    [Fact]
    public void An_override_shows_until_when_and_the_confirmation_says_who_covers_what()
    {
        var (covered, added) = Primary.Override(Megan, Now, Now.AddHours(4), Alex, Now);

        Assert.Equal("Primary on-call (Asia/Shanghai): now Megan Bowen (override until 2026-11-04 14:00 UTC+08:00); next Alex Wilber (weekly) from 2026-11-04 14:00 UTC+08:00",
            OnCallText.Line(covered, Now, Languages.English));
        Assert.Equal("Megan Bowen is on call for Primary on-call from 2026-11-04 10:00 UTC+08:00 until 2026-11-04 14:00 UTC+08:00, instead of the rotation's shifts.",
            OnCallText.Confirmation(covered, added, Languages.English));
        Assert.Contains("代班至", OnCallText.Line(covered, Now, Languages.Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public void Before_the_rotation_starts_nobody_is_on_call()
    {
        Assert.StartsWith("Primary on-call (Asia/Shanghai): now nobody; next Alex Wilber", OnCallText.Line(Primary, Now.AddDays(-10), Languages.English), StringComparison.Ordinal);
    }
}
