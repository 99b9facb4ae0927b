using System.Text.Json;
using ChatOps.Acceptance.Tests.Playground;

namespace ChatOps.Acceptance.Tests.Conversations.CardActions;

[Collection(BotAndPlaygroundCollection.Name)]
public sealed class ShowHelpActionTests(BotAndPlayground fixture)
{
    private readonly PlaygroundClient _playground = fixture.Playground;
    private readonly PlaygroundTenant _tenant = fixture.Tenant;

    [Fact]
    public async Task Clicking_the_language_switch_on_the_help_card_answers_with_the_Chinese_card()
    {
        var chat = _tenant.PersonalChatId;
        var since = _playground.Mark();
        await _playground.SendAsync(chat, "help");
        var helpMessage = await _playground.WaitForMessageAsync(since, "help card", m => m.IsIn(chat) && m.AdaptiveCards.Count > 0);
        var languageSwitch = Assert.Single(helpMessage.AdaptiveCards).GetProperty("actions")[0];
        Assert.Equal("Action.Execute", languageSwitch.GetProperty("type").GetString());
        Assert.Equal("help.show", languageSwitch.GetProperty("verb").GetString());
        Assert.Equal("zh-CN", languageSwitch.GetProperty("data").GetProperty("language").GetString());

        var response = await _playground.ExecuteAsync(chat, helpMessage.MessageId,
            languageSwitch.GetProperty("title").GetString()!, "help.show", languageSwitch.GetProperty("data"));

        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        var chinese = response.GetProperty("value");
        Assert.Equal(JsonValueKind.Object, chinese.ValueKind);
        Assert.Equal("zh", chinese.GetProperty("lang").GetString());
        Assert.Contains("命令", CardReading.VisibleText(chinese), StringComparison.Ordinal);
    }
}
