using System.Net;
using System.Text;
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
}
