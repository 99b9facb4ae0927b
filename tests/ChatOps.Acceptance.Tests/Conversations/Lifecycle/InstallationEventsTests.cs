using ChatOps.Acceptance.Tests.Playground;
using ChatOps.Cards.Resources;

namespace ChatOps.Acceptance.Tests.Conversations.Lifecycle;

[Collection(BotAndPlaygroundCollection.Name)]
public sealed class InstallationEventsTests(BotAndPlayground fixture)
{
    private readonly PlaygroundClient _playground = fixture.Playground;
    private readonly PlaygroundTenant _tenant = fixture.Tenant;

    [Fact]
    public async Task Installing_the_app_in_a_personal_chat_posts_exactly_one_welcome_card()
    {
        var chat = _tenant.PersonalChatId;
        var welcomeTitle = CardText.Get("Welcome.Title", Languages.English);
        var since = _playground.Mark();

        await _playground.InstallAsync(chat);

        // The Playground answers at once and sends installationUpdate and conversationUpdate concurrently:
        // wait until the bot has answered both, then for a reply to a later message, so nothing can still be on its way.
        await _playground.WaitForBotAnswerAsync(since, "installationUpdate", chat);
        await _playground.WaitForBotAnswerAsync(since, "conversationUpdate", chat);
        var sentinel = "sentinel" + Guid.NewGuid().ToString("N")[..8];
        await _playground.SendAsync(chat, sentinel);
        await _playground.WaitForMessageAsync(since, $"hint naming {sentinel}", m => m.IsIn(chat) && m.Text?.Contains(sentinel, StringComparison.Ordinal) == true);

        var welcomes = _playground.Messages.Since(since.Messages)
            .Where(m => m.IsIn(chat) && m.AdaptiveCards.Any(c => CardReading.VisibleText(c).Contains(welcomeTitle, StringComparison.Ordinal)))
            .ToList();
        var welcome = Assert.Single(welcomes);
        Assert.Equal("1.5", Assert.Single(welcome.AdaptiveCards).GetProperty("version").GetString());
    }
}
