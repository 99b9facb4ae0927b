using ChatOps.Acceptance.Tests.Playground;

namespace ChatOps.Acceptance.Tests.Conversations.Commands;

[Collection(BotAndPlaygroundCollection.Name)]
public sealed class HelpCommandTests(BotAndPlayground fixture)
{
    private readonly PlaygroundClient _playground = fixture.Playground;
    private readonly PlaygroundTenant _tenant = fixture.Tenant;

    [Fact]
    public async Task Help_in_a_personal_chat_returns_the_help_card()
    {
        var chat = _tenant.PersonalChatId;
        var since = _playground.Mark();

        await _playground.SendAsync(chat, "help");

        var reply = await _playground.WaitForMessageAsync(since, "card in the personal chat", m => m.IsIn(chat) && m.AdaptiveCards.Count > 0);
        var card = Assert.Single(reply.AdaptiveCards);
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Contains("help", CardReading.VisibleText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_with_an_at_mention_in_a_channel_returns_the_help_card_in_that_thread()
    {
        var (mentionText, mention) = _tenant.MentionOfBot();
        var since = _playground.Mark();

        var posted = await _playground.SendAsync(_tenant.GeneralChannelId, $"{mentionText} help", mention);

        var thread = posted.GetProperty("postConversationId").GetString()!;
        Assert.StartsWith($"{_tenant.GeneralChannelId};messageid=", thread, StringComparison.Ordinal);
        var reply = await _playground.WaitForMessageAsync(since, $"card in thread {thread}", m => m.IsIn(thread) && m.AdaptiveCards.Count > 0);
        var card = Assert.Single(reply.AdaptiveCards);
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Contains("help", CardReading.VisibleText(card), StringComparison.Ordinal);
    }
}
