using ChatOps.Bot.Conversations.IncidentChannels;
using ChatOps.Bot.Rotations;
using ChatOps.Incidents.Rotations;

namespace ChatOps.Bot.Tests.Rotations;

public sealed class OverrideLineTests
{
    private static readonly Mention Megan = new("29:user-id-1", "Megan Bowen", "<at>Megan Bowen</at>");
    private static readonly TimeZoneInfo NewYork = ZonedTime.Zone("America/New_York");
    private static readonly DateTimeOffset Now = new(2026, 11, 4, 15, 7, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("primary <at>Megan Bowen</at> now 4h", "primary", false, "now 4h")]
    [InlineData("<at>Megan Bowen</at> primary 2026-11-24 09:00 2026-11-24 18:00", "primary", false, "2026-11-24 09:00 2026-11-24 18:00")]
    public void The_rotation_and_the_times_are_read_around_the_mention(string arguments, string rotation, bool me, string times)
    {
        var words = OverrideLine.Split(arguments, Megan)!;

        Assert.Equal((rotation, me, times), (words.Rotation, words.Me, string.Join(' ', words.Times)));
    }

    [Fact]
    public void Me_names_the_sender_and_naming_nobody_or_two_people_is_unreadable()
    {
        Assert.True(OverrideLine.Split("primary me now 4h", null)!.Me);
        Assert.True(OverrideLine.Split("primary 我 现在 4h", null)!.Me);
        Assert.Null(OverrideLine.Split("primary now 4h", null));
        Assert.Null(OverrideLine.Split("primary <at>Megan Bowen</at> me now 4h", Megan));
        Assert.Null(OverrideLine.Split("", null));
    }

    [Theory]
    [InlineData("now 4h", "2026-11-04T10:07:00-05:00", "2026-11-04T14:07:00-05:00")]
    [InlineData("now 1h30m", "2026-11-04T10:07:00-05:00", "2026-11-04T11:37:00-05:00")]
    [InlineData("现在 2d", "2026-11-04T10:07:00-05:00", "2026-11-06T10:07:00-05:00")]
    [InlineData("2026-11-24 09:00 2026-11-24 18:00", "2026-11-24T09:00:00-05:00", "2026-11-24T18:00:00-05:00")]
    [InlineData("2026-11-24T09:00 90m", "2026-11-24T09:00:00-05:00", "2026-11-24T10:30:00-05:00")]
    [InlineData("2026-03-08 02:30 2026-03-08 12:00", "2026-03-08T03:30:00-04:00", "2026-03-08T12:00:00-04:00")]
    public void From_and_to_are_wall_clock_times_of_the_rotations_zone(string words, string from, string to)
    {
        var interval = OverrideLine.Interval(words.Split(' '), NewYork, Now);

        Assert.Equal((DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), interval);
    }

    [Theory]
    [InlineData("now")]
    [InlineData("4h now")]
    [InlineData("now tomorrow")]
    [InlineData("now 0h")]
    [InlineData("2026-11-24 9am 2026-11-24 18:00")]
    [InlineData("now 4h extra")]
    [InlineData("2026-11-24 09:00 now")]
    public void Anything_else_is_unreadable(string words) =>
        Assert.Null(OverrideLine.Interval(words.Split(' '), NewYork, Now));
}
