using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Hosting;

namespace ChatOps.Bot.Tests.Protocol.Endpoint;

public sealed class BadInputTests(BotHost host) : IClassFixture<BotHost>
{
    [Theory]
    [InlineData("{\"type\":\"message\",", HttpStatusCode.BadRequest)]
    [InlineData("[1,2,3]", HttpStatusCode.BadRequest)]
    [InlineData("null", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"help\",\"serviceUrl\":\"http://x/\",\"conversation\":{\"id\":\"a\"}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"text\":\"help\",\"conversation\":{\"id\":\"a\"}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"text\":\"help\",\"serviceUrl\":\"http://x/\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":42}", HttpStatusCode.BadRequest)]
    public async Task Malformed_bodies_get_400_and_nothing_is_sent(string body, HttpStatusCode expected)
    {
        var sentBefore = host.Connector.Requests.Count;

        var response = await host.PostRawAsync(body, host.ValidToken());

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(sentBefore, host.Connector.Requests.Count);
    }

    [Fact]
    public async Task Deeply_nested_json_gets_400()
    {
        var nested = new StringBuilder("{\"type\":\"message\",\"channelData\":");
        for (var i = 0; i < 200; i++)
            nested.Append("{\"a\":");
        nested.Append('1').Append('}', 200).Append('}');

        var response = await host.PostRawAsync(nested.ToString(), host.ValidToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, new string('x', 300 * 1024));

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(await host.WasRecordedAsync((string)activity["id"]!));
    }

    [Fact]
    public async Task An_unknown_activity_type_is_acknowledged_and_ignored()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        activity["type"] = "somethingNew";

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(host.Connector.Requests, r => r.Body.Contains((string)activity["id"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invoke_with_an_unknown_name_gets_501()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "");
        activity["type"] = "invoke";
        activity["name"] = "composeExtension/query";

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("[]")]
    [InlineData("\"tenant\"")]
    [InlineData("42")]
    public async Task ChannelData_of_another_JSON_type_is_read_as_absent_and_the_turn_answered(string channelData)
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        activity["channelData"] = JsonNode.Parse(channelData);

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Connector.WaitForAsync(r => r.Body.Contains((string)activity["id"]!, StringComparison.Ordinal));
    }

    // A lone surrogate, written as the JSON escape: the parser only notices it when the value is read, deep in a turn.
    [Theory]
    [InlineData("text")]
    [InlineData("channelData")]
    [InlineData("entities")]
    [InlineData("value")]
    [InlineData("name of a property")]
    public async Task Text_that_is_not_Unicode_gets_400_and_nothing_is_recorded(string where)
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        const string Lone = "LONE";
        switch (where)
        {
            case "text": activity["text"] = Lone; break;
            case "channelData": activity["channelData"]!["tenant"]!["id"] = Lone; break;
            case "entities": activity["entities"]![0]!["platform"] = Lone; break;
            case "value": activity["value"] = new JsonObject { ["verb"] = "help.show", ["language"] = Lone }; break;
            default: activity["channelData"]![Lone] = 1; break;
        }

        var response = await host.PostRawAsync(activity.ToJsonString().Replace(Lone, "\\ud800", StringComparison.Ordinal), host.ValidToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await host.WasRecordedAsync((string)activity["id"]!));
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_inside_a_kept_value_get_400()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        activity["entities"]![0]!["platform"] = "WebXX";
        var bytes = Encoding.UTF8.GetBytes(activity.ToJsonString()).ToList();
        var at = bytes.IndexOf((byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var response = await host.PostContentAsync(Json([.. bytes]), host.ValidToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("id", 'x', 2_000)]
    [InlineData("conversation", 'x', 2_000)]
    [InlineData("conversation", '会', 300)]
    [InlineData("conversation", '\u0007', 1)]
    [InlineData("from", 'x', 2_000)]
    public async Task An_id_Teams_would_not_send_or_a_name_longer_than_Teams_allows_gets_400_and_nothing_is_recorded(string field, char c, int length)
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var id = (string)activity["id"]!;
        var value = new string(c, length);
        if (field == "id")
            activity["id"] = id = value;
        else
            activity[field]![field == "from" ? "name" : "id"] = value;

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await host.WasRecordedAsync(id));
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("multipart/form-data; boundary=x", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("application/vnd.activity+json", HttpStatusCode.OK)]
    public async Task A_body_is_read_only_when_its_content_type_says_JSON(string contentType, HttpStatusCode expected)
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var content = Json(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await host.PostContentAsync(content, host.ValidToken());

        Assert.Equal(expected, response.StatusCode);
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
