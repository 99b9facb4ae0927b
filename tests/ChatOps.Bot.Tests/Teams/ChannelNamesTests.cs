using ChatOps.Bot.Teams;

namespace ChatOps.Bot.Tests.Teams;

public sealed class ChannelNamesTests
{
    [Theory]
    [InlineData("Homepage defaced", "INC-2026-0042 Homepage defaced")]
    [InlineData("a/b\\c:d<e>f?g|h'i\"j~k#l%m&n*o{p}q+r", "INC-2026-0042 abcdefghijklmnopqr")]
    [InlineData("  many   spaces  ", "INC-2026-0042 many spaces")]
    [InlineData("首页被篡改，疑似勒索", "INC-2026-0042 首页被篡改，疑似勒索")]
    public void Names_keep_the_id_and_drop_what_Teams_forbids(string title, string expected) =>
        Assert.Equal(expected, ChannelNames.For("INC-2026-0042", title));

    [Fact]
    public void Names_fit_in_50_characters_even_with_a_collision_suffix()
    {
        var title = new string('x', 80);

        Assert.Equal(50, ChannelNames.For("INC-2026-0042", title).Length);
        Assert.EndsWith(" (2)", ChannelNames.For("INC-2026-0042", title, 2), StringComparison.Ordinal);
        Assert.Equal(50, ChannelNames.For("INC-2026-0042", title, 2).Length);
    }
}
