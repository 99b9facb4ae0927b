using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Testing;
using static ChatOps.Bot.Tests.Approvals.ApprovalHost;

namespace ChatOps.Bot.Tests.Conversations;

/// <summary>
/// Hostile text through the bot's real flows (forms, commands, forged ids in clicks): in every card the bot answers or
/// posts, it is shown only literally, and it never adds a link or a mention.
/// </summary>
public sealed class HostileTextTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly ApprovalHost _incidents = new(host);

    public static TheoryData<int> Samples => [0, 1, 2];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Hostile_text_in_forms_commands_and_forged_clicks_is_only_ever_shown_literally(int sample)
    {
        var text = HostileText.Sample(3, seed: 9)[sample];
        var sentBefore = host.Connector.Requests.Count;
        var (existing, thread) = await _incidents.OpenAsync("Hostile text " + sample);
        List<string> answers =
        [
            await Click(Alex, new() { ["verb"] = "incident.declare", ["declarationId"] = $"h-{sample}-1", ["client"] = text, ["type"] = text, ["severity"] = text, ["title"] = text }),
            await Click(Alex, new() { ["verb"] = "incident.declare", ["declarationId"] = $"h-{sample}-2", ["client"] = "contoso", ["type"] = "webshell", ["severity"] = "P3", ["title"] = text, ["description"] = text }),
            await Click(Alex, new()
            {
                ["verb"] = "approval.submit", ["incidentId"] = existing, ["pointId"] = "CP-09",
                ["action"] = text, ["systems"] = text, ["risk"] = text, ["rollback"] = text, ["impact"] = text, ["window"] = text,
            }),
            await Click(Alex, new()
            {
                ["verb"] = "evidence.add", ["incidentId"] = existing, ["formId"] = $"h-{sample}", ["kind"] = "log", ["item"] = text, ["source"] = text,
                ["collectedBy"] = "", ["collectedDate"] = "2026-11-20", ["collectedTime"] = "09:30", ["sha256"] = new string('a', 64), ["location"] = text,
            }),
            await Click(Alex, new() { ["verb"] = "evidence.add", ["incidentId"] = existing, ["formId"] = text, ["item"] = text, ["sha256"] = text, ["collectedDate"] = text }),
            await Click(Alex, new() { ["verb"] = "checklist.set", ["incidentId"] = text, ["pointId"] = "CP-01", ["from"] = "Open", ["to"] = "Done" }),
            await Click(Alex, new() { ["verb"] = "checklist.set", ["incidentId"] = existing, ["pointId"] = text, ["from"] = "Open", ["to"] = "Done" }),
            await Click(Megan, new() { ["verb"] = "approval.decide", ["incidentId"] = existing, ["requestId"] = text, ["proposalHash"] = text, ["decision"] = "Reject", ["comment"] = text }),
            await Click(Megan, new() { ["verb"] = "approval.decide", ["incidentId"] = existing, ["requestId"] = "APR-01", ["proposalHash"] = "stale", ["decision"] = "Reject", ["comment"] = text }),
            await Click(Alex, new() { ["verb"] = "page.ack", ["incidentId"] = existing, ["pageId"] = text }),
        ];
        foreach (var command in new[] { "note " + text, "status", "evidence", "approvals", text })
            await host.PostAsync(_incidents.InThread(thread, command, Alex));
        await host.PostAsync(As(Alex, TeamsActivities.Message(host.Connector.ServiceUrl, "declare " + text)));

        var cards = answers.Select(a => JsonNode.Parse(a)!).Concat(SentCards(sentBefore)).ToList();

        Assert.Contains(cards, c => c.ToJsonString().Contains(HostileText.Marker, StringComparison.Ordinal));
        Assert.Empty(cards.SelectMany((card, i) => UserTextInCards.Misplaced(card, HostileText.Marker).Select(p => $"card {i}: {p}")));
    }

    /// <summary>The card (or message) the click was answered with; never a server error.</summary>
    private async Task<string> Click(Actor who, JsonObject data)
    {
        var response = await host.PostAsync(As(who, TeamsActivities.Execute(host.Connector.ServiceUrl, data)));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.InRange((int)answer["statusCode"]!, 200, 499);
        return answer["value"]!.ToJsonString();
    }

    /// <summary>Every card the bot posted or updated since <paramref name="from"/> (a turn's posts are done when its POST returns).</summary>
    private IReadOnlyList<JsonNode> SentCards(int from) =>
        [.. host.Connector.Requests.Skip(from)
            .Where(r => r.Method is "POST" or "PUT" && r.Body.StartsWith('{'))
            .SelectMany(r => (JsonNode.Parse(r.Body)?["attachments"] as JsonArray ?? JsonNode.Parse(r.Body)?["activity"]?["attachments"] as JsonArray ?? []).OfType<JsonNode>())
            .Select(a => a["content"]).OfType<JsonNode>()];
}
