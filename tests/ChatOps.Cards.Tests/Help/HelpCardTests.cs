using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Help;
using ChatOps.Cards.Resources;
using ChatOps.Cards.Tests.Checking;

namespace ChatOps.Cards.Tests.Help;

public sealed class HelpCardTests
{
    [Fact]
    public void The_help_and_welcome_cards_pass_the_card_check_in_both_languages() =>
        CardAssert.Valid([.. Languages.All.SelectMany(language => new[] { HelpCard.Build(language, ["help"]), WelcomeCard.Build(language) })]);

    [Fact]
    public void The_help_card_lists_each_command_in_the_readers_language()
    {
        var english = CardJson.ToElement(HelpCard.Build(Languages.English, ["help"]));
        var chinese = CardJson.ToElement(HelpCard.Build(Languages.Chinese, ["help"]));

        Assert.Equal("AdaptiveCard", english.GetProperty("type").GetString());
        Assert.Equal("1.5", english.GetProperty("version").GetString());
        Assert.Contains("Show this card.", english.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("显示本卡片。", CardJson.ToJson(HelpCard.Build(Languages.Chinese, ["help"])), StringComparison.Ordinal);
        Assert.Equal("zh", chinese.GetProperty("lang").GetString());
    }

    [Fact]
    public void The_language_switch_is_an_execute_action_with_a_submit_fallback_carrying_the_same_verb()
    {
        var card = CardJson.ToElement(HelpCard.Build(Languages.English, ["help"]));
        var action = card.GetProperty("actions")[0];

        Assert.Equal("Action.Execute", action.GetProperty("type").GetString());
        Assert.Equal(ShowHelp.Name, action.GetProperty("verb").GetString());
        Assert.Equal(ShowHelp.Name, action.GetProperty("data").GetProperty("verb").GetString());
        Assert.Equal("zh-CN", action.GetProperty("data").GetProperty("language").GetString());
        var fallback = action.GetProperty("fallback");
        Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
        Assert.Equal(ShowHelp.Name, fallback.GetProperty("data").GetProperty("verb").GetString());
    }

    [Fact]
    public void The_welcome_card_offers_the_help_card()
    {
        var card = CardJson.ToElement(WelcomeCard.Build(Languages.Chinese));

        Assert.Equal("zh", card.GetProperty("lang").GetString());
        Assert.Equal(ShowHelp.Name, card.GetProperty("actions")[0].GetProperty("verb").GetString());
    }
}
