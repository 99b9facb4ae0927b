using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOps.Acceptance.Tests.Playground;

namespace ChatOps.Acceptance.Tests.Conversations.Incidents;

[Collection(BotAndPlaygroundCollection.Name)]
public sealed partial class DeclareAndChecklistTests(BotAndPlayground fixture)
{
    private readonly PlaygroundClient _playground = fixture.Playground;
    private readonly PlaygroundTenant _tenant = fixture.Tenant;

    [Fact]
    public async Task Declaring_opens_a_thread_with_the_checklist_and_a_click_updates_the_card_for_everyone()
    {
        var chat = _tenant.PersonalChatId;
        var (incidentId, since) = await DeclareAsync(chat, "declare P2 web-defacement client=contoso \"Homepage defaced\"");

        var incidentCard = await _playground.WaitForMessageAsync(since, "incident card in the channel",
            m => m.ConversationId == "team-id" && m.AdaptiveCards.Any(c => CardReading.VisibleText(c).Contains(incidentId, StringComparison.Ordinal)));
        var thread = incidentCard.PostConversationId ?? throw new Xunit.Sdk.XunitException("The incident card did not start a thread: " + incidentCard);
        var checklist = await _playground.WaitForMessageAsync(since, "checklist card in the thread",
            m => m.IsIn(thread) && m.AdaptiveCards.Any(c => CardReading.VisibleText(c).Contains("CP-01", StringComparison.Ordinal)));

        var clicked = _playground.Mark();
        var answer = await _playground.ExecuteAsync(thread, checklist.MessageId, "Start", "checklist.set",
            new { verb = "checklist.set", incidentId, pointId = "CP-01", from = "Open", to = "InProgress" });

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        var updated = await _playground.WaitForMessageAsync(clicked, "the checklist updated for everyone",
            m => m.Action == "updateMessage" && m.MessageId == checklist.MessageId);
        Assert.Contains("进行中", CardReading.VisibleText(Assert.Single(updated.AdaptiveCards)), StringComparison.Ordinal);
    }

    /// <summary>Declares in the personal chat; the demo client is stored just after start, so an early try may find none.</summary>
    private async Task<(string IncidentId, Mark Since)> DeclareAsync(string chat, string line)
    {
        for (var attempt = 0; ; attempt++)
        {
            var since = _playground.Mark();
            await _playground.SendAsync(chat, line);
            var reply = await _playground.WaitForMessageAsync(since, "declare confirmation", m => m.IsIn(chat));
            var text = reply.Text ?? string.Join(" ", reply.AdaptiveCards.Select(CardReading.VisibleText));
            if (IncidentId().Match(text) is { Success: true } id)
                return (id.Value, since);
            if (attempt >= 20)
                throw new Xunit.Sdk.XunitException("No incident was declared: " + text);
            await Task.Delay(250);
        }
    }

    [GeneratedRegex(@"INC-\d{4}-\d{4}")]
    private static partial Regex IncidentId();
}
