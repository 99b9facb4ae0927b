using ChatOps.Acceptance.Tests.Playground;

namespace ChatOps.Acceptance.Tests.Conversations.Commands;

[Collection(BotAndPlaygroundCollection.Name)]
public sealed class UnknownCommandTests(BotAndPlayground fixture)
{
    private readonly PlaygroundClient _playground = fixture.Playground;
    private readonly PlaygroundTenant _tenant = fixture.Tenant;

    [Fact]
    public async Task Unknown_text_in_a_personal_chat_gets_a_short_hint_to_type_help()
    {
        var chat = _tenant.PersonalChatId;
        var word = "frobnicate" + Guid.NewGuid().ToString("N")[..8];
        var since = _playground.Mark();

        await _playground.SendAsync(chat, $"{word} the incident");

        var reply = await _playground.WaitForMessageAsync(since, $"hint naming {word}", m => m.IsIn(chat) && m.Text?.Contains(word, StringComparison.Ordinal) == true);
        Assert.Empty(reply.AdaptiveCards);
        Assert.Contains("help", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Text!.Length < 200, $"The hint is not short: {reply.Text}");
    }
}
