using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Testing;

namespace ChatOps.Bot.Tests.Conversations;

public sealed class HelpTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task Help_in_a_personal_chat_answers_with_the_help_card()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await host.Connector.WaitForAsync(r => r.Body.Contains((string)activity["id"]!, StringComparison.Ordinal));
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/v3/conversations/a:personal-chat-1/activities", sent.Path);
        var card = Card(sent);
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Contains("Show this card.", card.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_from_a_Chinese_client_answers_in_Chinese()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "帮助", locale: "zh-CN");

        await host.PostAsync(activity);

        var sent = await host.Connector.WaitForAsync(r => r.Body.Contains((string)activity["id"]!, StringComparison.Ordinal));
        Assert.Equal("zh", Card(sent).GetProperty("lang").GetString());
    }

    [Fact]
    public async Task Help_in_a_channel_with_an_at_mention_answers_in_the_thread()
    {
        var activity = TeamsActivities.ChannelMessage(host.Connector.ServiceUrl, "help", mention: true);

        await host.PostAsync(activity);

        var sent = await host.Connector.WaitForAsync(r => r.Body.Contains((string)activity["id"]!, StringComparison.Ordinal));
        Assert.Equal("/v3/conversations/19:general@thread.tacv2;messageid=1795374057520/activities", sent.Path);
        Assert.Equal("AdaptiveCard", Card(sent).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_channel_message_that_does_not_mention_the_bot_gets_no_answer()
    {
        var activity = TeamsActivities.ChannelMessage(host.Connector.ServiceUrl, "help", mention: false);

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(host.Connector.Requests, r => r.Body.Contains((string)activity["id"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_text_gets_a_plain_hint_that_shows_the_input_literally()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "**deploy** [x](http://evil.example) now");

        await host.PostAsync(activity);

        var sent = (await host.Connector.WaitForAsync(r => r.Body.Contains((string)activity["id"]!, StringComparison.Ordinal))).Json;
        Assert.Equal("plain", sent.GetProperty("textFormat").GetString());
        Assert.Contains("**deploy**", sent.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("help", sent.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installing_the_app_posts_a_welcome_card_and_removing_it_posts_nothing()
    {
        var added = TeamsActivities.Installation(host.Connector.ServiceUrl, "add");
        var removed = TeamsActivities.Installation(host.Connector.ServiceUrl, "remove");

        await host.PostAsync(added);
        await host.PostAsync(removed);

        var sent = await host.Connector.WaitForAsync(r => r.Body.Contains((string)added["id"]!, StringComparison.Ordinal));
        Assert.Contains("Thanks for adding me", Card(sent).GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Connector.Requests, r => r.Body.Contains((string)removed["id"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clicking_the_language_switch_answers_the_invoke_with_the_Chinese_card()
    {
        var click = TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject { ["verb"] = "help.show", ["language"] = "zh-CN" });

        var response = await host.PostAsync(click);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        Assert.Contains("命令", body.GetProperty("value").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_click_with_an_unknown_verb_gets_an_error_answer_not_a_failure()
    {
        var click = TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject { ["verb"] = "approve.everything" });

        var response = await host.PostAsync(click);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_submit_fallback_of_the_switch_posts_the_card_as_a_message()
    {
        var submit = TeamsActivities.Message(host.Connector.ServiceUrl, "");
        submit.Remove("text");
        submit["value"] = new JsonObject { ["verb"] = "help.show", ["language"] = "zh-CN" };

        await host.PostAsync(submit);

        var sent = await host.Connector.WaitForAsync(r => r.Body.Contains((string)submit["id"]!, StringComparison.Ordinal));
        Assert.Equal("zh", Card(sent).GetProperty("lang").GetString());
    }

    private static JsonElement Card(RecordedRequest sent)
    {
        var attachment = sent.Json.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }
}
