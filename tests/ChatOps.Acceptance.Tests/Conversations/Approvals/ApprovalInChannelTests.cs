using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOps.Acceptance.Tests.Playground;

namespace ChatOps.Acceptance.Tests.Conversations.Approvals;

/// <summary>
/// The Playground's mock users play the parts: Alex Wilber (user-id-0) responds, Megan Bowen (user-id-1) approves for
/// the client. Alex asks for authorisation in the incident thread; Alex cannot approve; Megan's own view has the
/// buttons; her approval updates the request card and the checklist for everyone.
/// </summary>
[Collection(BotAndPlaygroundCollection.Name)]
public sealed partial class ApprovalInChannelTests(BotAndPlayground fixture)
{
    private const string Megan = "user-id-1";
    private readonly PlaygroundClient _playground = fixture.Playground;
    private readonly PlaygroundTenant _tenant = fixture.Tenant;

    [Fact]
    public async Task A_responder_asks_the_client_approves_in_the_channel_and_everyone_sees_the_gate_open()
    {
        var (incidentId, thread, checklistId) = await OpenIncidentAsync();

        var asked = _playground.Mark();
        var (at, mention) = _tenant.MentionOfBot();
        await _playground.SendAsync(thread, $"{at} request CP-02", mention);
        var form = await _playground.WaitForMessageAsync(asked, "the proposal form", m => m.IsIn(thread) && HasVerb(m, "approval.submit"));
        var posted = _playground.Mark();
        await _playground.ExecuteAsync(thread, form.MessageId, "Send", "approval.submit", new
        {
            verb = "approval.submit", incidentId, pointId = "CP-02",
            action = "Sign the emergency response authorisation letter", systems = "All Contoso web servers", risk = "None beyond the engagement",
            rollback = "Withdraw the authorisation in writing", impact = "None", window = "Today",
        });
        var request = await _playground.WaitForMessageAsync(posted, "the request card", m => m.IsIn(thread) && HasVerb(m, "approval.refresh"));

        var byAlex = await _playground.ExecuteAsync(thread, request.MessageId, "Refresh", "approval.refresh", new { verb = "approval.refresh", incidentId, requestId = "APR-01" });
        Assert.DoesNotContain("approval.decide", byAlex.GetRawText(), StringComparison.Ordinal);
        var meganView = await _playground.ExecuteAsAsync(Megan, thread, request.MessageId, "Refresh", "approval.refresh", new { verb = "approval.refresh", incidentId, requestId = "APR-01" });
        var approve = Decide(meganView.GetProperty("value"), "Approve");
        var forged = await _playground.ExecuteAsync(thread, request.MessageId, "Approve", "approval.decide", approve);
        Assert.Contains("Only the client's designated approvers", CardReading.VisibleText(forged.GetProperty("value")), StringComparison.Ordinal);

        var decided = _playground.Mark();
        var answer = await _playground.ExecuteAsAsync(Megan, thread, request.MessageId, "Approve", "approval.decide", approve);

        Assert.Contains("Approved by Megan Bowen", CardReading.VisibleText(answer.GetProperty("value")), StringComparison.Ordinal);
        await _playground.WaitForMessageAsync(decided, "the request card updated for everyone",
            m => m.Action == "updateMessage" && m.MessageId == request.MessageId && m.AdaptiveCards.Any(c => CardReading.VisibleText(c).Contains("客户已批准", StringComparison.Ordinal)));
        await _playground.WaitForMessageAsync(decided, "the checklist unlocked for everyone",
            m => m.Action == "updateMessage" && m.MessageId == checklistId && m.AdaptiveCards.Any(c => CardReading.VisibleText(c).Contains("客户已授权", StringComparison.Ordinal)));
    }

    private async Task<(string IncidentId, string Thread, string ChecklistId)> OpenIncidentAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var since = _playground.Mark();
            await _playground.SendAsync(_tenant.PersonalChatId, "declare P1 ransomware client=contoso \"File server encrypted\"");
            var reply = await _playground.WaitForMessageAsync(since, "declare confirmation", m => m.IsIn(_tenant.PersonalChatId));
            var text = reply.Text ?? string.Join(" ", reply.AdaptiveCards.Select(CardReading.VisibleText));
            if (IncidentId().Match(text) is { Success: true } id)
            {
                var card = await _playground.WaitForMessageAsync(since, "incident card", m => m.AdaptiveCards.Any(c => CardReading.VisibleText(c).Contains(id.Value, StringComparison.Ordinal)) && m.PostConversationId is not null);
                var checklist = await _playground.WaitForMessageAsync(since, "checklist", m => m.IsIn(card.PostConversationId!) && HasVerb(m, "checklist.set"));
                return (id.Value, card.PostConversationId!, checklist.MessageId);
            }
            if (attempt >= 20)
                throw new Xunit.Sdk.XunitException("No incident was declared: " + text);
            await Task.Delay(250);
        }
    }

    private static bool HasVerb(PlaygroundMessage message, string verb) =>
        message.AdaptiveCards.Any(c => c.GetRawText().Contains($"\"verb\":\"{verb}\"", StringComparison.Ordinal));

    /// <summary>The data of a decision button on the approver's own card: what her click sends.</summary>
    private static JsonElement Decide(JsonElement card, string decision)
    {
        foreach (var action in Actions(card))
        {
            if (action.TryGetProperty("data", out var data) && data.TryGetProperty("decision", out var d) && d.GetString() == decision)
                return data;
        }
        throw new Xunit.Sdk.XunitException("No decision button in " + card.GetRawText());
    }

    private static IEnumerable<JsonElement> Actions(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => (node.TryGetProperty("verb", out _) ? [node] : Enumerable.Empty<JsonElement>())
            .Concat(node.EnumerateObject().SelectMany(p => Actions(p.Value))),
        JsonValueKind.Array => node.EnumerateArray().SelectMany(Actions),
        _ => [],
    };

    [GeneratedRegex(@"INC-\d{4}-\d{4}")]
    private static partial Regex IncidentId();
}
