using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Hosting;

namespace ChatOps.Bot.Tests.Protocol.Deduplication;

public sealed class DuplicateDeliveryTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task A_message_delivered_twice_is_answered_once()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var id = (string)activity["id"]!;

        var first = await host.PostAsync(activity);
        var second = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(host.Connector.Requests, r => r.Body.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_delivered_twice_at_once_is_answered_once()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var id = (string)activity["id"]!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.PostAsync(activity)));

        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode));
        await host.Connector.WaitForAsync(r => r.Body.Contains(id, StringComparison.Ordinal));
        Assert.Single(host.Connector.Requests, r => r.Body.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invoke_delivered_twice_gets_the_first_answer_again()
    {
        var click = TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject { ["verb"] = "help.show", ["language"] = "zh-CN" });

        var first = await (await host.PostAsync(click)).Content.ReadAsStringAsync();
        var second = await (await host.PostAsync(click)).Content.ReadAsStringAsync();

        Assert.Contains("命令", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_same_activity_id_in_another_conversation_is_a_different_activity()
    {
        var one = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var other = TeamsActivities.ChannelMessage(host.Connector.ServiceUrl, "help", mention: true);
        other["id"] = one["id"]!.DeepClone();

        await host.PostAsync(one);
        await host.PostAsync(other);

        Assert.Equal(2, host.Connector.Requests.Count(r => r.Body.Contains((string)one["id"]!, StringComparison.Ordinal)));
    }
}
