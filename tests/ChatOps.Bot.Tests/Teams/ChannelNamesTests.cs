using ChatOps.Bot.Teams;
using ChatOps.Cards.Resources;

namespace ChatOps.Bot.Tests.Teams;

public sealed class ChannelNamesTests
{
    [Theory]
    [InlineData("Homepage defaced", "INC-2026-0042 Homepage defaced")]
    [InlineData("a/b\\c:d<e>f?g|h'i\"j~k#l%m&n*o{p}q+r", "INC-2026-0042 abcdefghijklmnopqr")]
    [InlineData("  many   spaces  ", "INC-2026-0042 many spaces")]
    [InlineData("首页被篡改，疑似勒索", "INC-2026-0042 首页被篡改，疑似勒索")]
    [InlineData("Mail, web... and DNS", "INC-2026-0042 Mail web. and DNS")]
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

    [Fact]
    public void A_closed_channel_is_marked_in_the_clients_language_and_still_fits_in_50_characters()
    {
        var title = new string('x', 80);

        Assert.Equal("[Closed] INC-2026-0042 Homepage defaced", ChannelNames.Closed("INC-2026-0042", "Homepage defaced", Languages.English));
        Assert.Equal("[已关闭] INC-2026-0042 首页被篡改", ChannelNames.Closed("INC-2026-0042", "首页被篡改", Languages.Chinese));
        Assert.Equal(50, ChannelNames.Closed("INC-2026-0042", title, Languages.English).Length);
        Assert.StartsWith("[已关闭] INC-2026-0042 xxx", ChannelNames.Closed("INC-2026-0042", title, Languages.Chinese), StringComparison.Ordinal);
        Assert.Equal(50, ChannelNames.Closed("INC-2026-0042", title, Languages.Chinese).Length);
    }
}
