using System.Net;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ChatOps.Bot.Tests.Protocol.Connector.ScriptedConnector;

namespace ChatOps.Bot.Tests.Protocol.Connector;

public sealed class ConnectorAuthHandlerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ConnectorHost _host;

    public ConnectorAuthHandlerTests()
    {
        _host = new ConnectorHost(new ScriptedConnector(_time, Answer(HttpStatusCode.OK)), new FakeEntra(), _time);
    }

    [Theory]
    [InlineData("https://attacker.example.com/")]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example.com/")]
    public async Task Never_sends_the_token_to_an_untrusted_service_url(string serviceUrl)
    {
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => Send(new Uri(serviceUrl)));

        Assert.Empty(_host.Connector.Attempts);
        Assert.Empty(_host.Entra.TokenRequests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.botframework.com/")]
    public async Task Sends_the_bot_token_to_a_trusted_service_url(string serviceUrl)
    {
        await Send(new Uri(serviceUrl));

        var attempt = Assert.Single(_host.Connector.Attempts);
        Assert.Equal("Bearer", attempt.Authorization?.Scheme);
        Assert.Equal("token-1", attempt.Authorization?.Parameter);
    }

    [Fact]
    public async Task Sends_the_token_to_a_service_url_an_authenticated_activity_vouched_for()
    {
        var vouched = new Uri("https://teams.dev.example.com/bot/");
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => Send(vouched));

        _host.Services.GetRequiredService<ServiceUrls>().Vouch(vouched);
        await Send(vouched);

        Assert.Equal("token-1", Assert.Single(_host.Connector.Attempts).Authorization?.Parameter);
    }

    private Task<ResourceResponse> Send(Uri serviceUrl) =>
        _host.Client.SendAsync(serviceUrl, "19:abc@thread.tacv2", new Activity { Type = ActivityTypes.Message, Text = "hi" }, default);

    public void Dispose() => _host.Dispose();
}
