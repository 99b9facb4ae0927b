using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using static ChatOps.Bot.Tests.Approvals.ApprovalHost;

namespace ChatOps.Bot.Tests.Pages;

public sealed class PageTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly ApprovalHost _incidents = new(host);

    [Fact]
    public async Task Page_reaches_the_person_in_a_1to1_with_an_alert_and_the_first_ack_ends_it()
    {
        var (id, thread) = await _incidents.OpenAsync("Need hands");
        var page = _incidents.InThread(thread, "page <at>Megan Bowen</at> Please look at web-01 now", Alex);
        page["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Megan Bowen</at>", ["mentioned"] = new JsonObject { ["id"] = "29:user-id-1", ["name"] = "Megan Bowen" },
        });

        await host.PostAsync(page);

        var created = await host.Connector.WaitForAsync(r => r.Path == "/v3/conversations" && r.Body.Contains("\"isGroup\":false", StringComparison.Ordinal));
        Assert.Contains("29:user-id-1", created.Body, StringComparison.Ordinal);
        var direct = await host.Connector.WaitForAsync(r => r.Method == "POST" && r.Body.Contains("page.ack", StringComparison.Ordinal) && r.Body.Contains("\"alert\":true", StringComparison.Ordinal));
        Assert.Contains("Please look at web-01 now", Readable(direct.Body), StringComparison.Ordinal);
        await host.Connector.WaitForAsync(r => r.Path == $"/v3/conversations/{thread}/activities" && Readable(r.Body).Contains("<at>Megan Bowen</at>", StringComparison.Ordinal));

        var first = await _incidents.InvokeAsync(Megan, new JsonObject { ["verb"] = "page.ack", ["incidentId"] = id, ["pageId"] = "PG-01" });
        var second = await _incidents.InvokeAsync(Alex, new JsonObject { ["verb"] = "page.ack", ["incidentId"] = id, ["pageId"] = "PG-01" });

        Assert.Contains("Acknowledged by Megan Bowen", first, StringComparison.Ordinal);
        Assert.Contains("PG-01 was already acknowledged by Megan Bowen", second, StringComparison.Ordinal);
        var types = (await _incidents.Store.ReadTimelineAsync(id, default)).Select(e => e.Type).ToList();
        Assert.Equal(["page.sent", "page.acked", "incident.acknowledged"], types.Where(t => t.StartsWith("page.", StringComparison.Ordinal) || t == "incident.acknowledged"));
    }
}

public sealed class PageAndAckInputTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly ApprovalHost _incidents = new(host);

    [Theory]
    [InlineData("page", "Alex", "Page someone: page @name <message>")]
    [InlineData("page no-such-policy Wake up", "Alex", "Page someone: page @name <message>")]
    [InlineData("breakglass", "Alex", "Name the point and say why")]
    [InlineData("ack", "Megan", "Only the incident's responders can acknowledge it.")]
    public async Task Incomplete_or_unauthorised_commands_get_a_clear_answer_and_change_nothing(string command, string who, string answer)
    {
        var (id, thread) = await _incidents.OpenAsync("Bad input " + command);
        var before = (await _incidents.Store.GetAsync(id, default))!.Incident.Version;
        var message = _incidents.InThread(thread, command, who == "Alex" ? Alex : Megan);

        await host.PostAsync(message);

        var reply = await host.Connector.WaitForAsync(r => r.Body.Contains((string)message["id"]!, StringComparison.Ordinal));
        Assert.Contains(answer, Readable(reply.Body), StringComparison.Ordinal);
        // Only the message itself goes on the record.
        Assert.Equal(before + 1, (await _incidents.Store.GetAsync(id, default))!.Incident.Version);
    }
}
