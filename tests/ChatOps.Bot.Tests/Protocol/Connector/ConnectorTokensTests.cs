using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Protocol.Connector;

public sealed class ConnectorTokensTests : IDisposable
{
    // MSAL stamps a token's expiry from the real clock, so fake time starts at the real now.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ConnectorHost _host;

    public ConnectorTokensTests() => _host = new ConnectorHost(new ScriptedConnector(_time), new FakeEntra(), _time);

    [Fact]
    public async Task Asks_Entra_for_a_client_credentials_token_for_the_Bot_Framework()
    {
        var token = await _host.Tokens.GetAsync(default);

        Assert.Equal("token-1", token);
        var request = Assert.Single(_host.Entra.TokenRequests);
        Assert.Equal(new Uri("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"), request.Uri);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal(ConnectorHost.AppId, request.Form["client_id"]);
        Assert.Equal(ConnectorHost.Secret, request.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", request.Form["scope"]);
    }

    [Fact]
    public async Task Reuses_a_token_until_five_minutes_before_it_expires()
    {
        Assert.Equal("token-1", await _host.Tokens.GetAsync(default));
        Assert.Equal("token-1", await _host.Tokens.GetAsync(default));
        _time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await _host.Tokens.GetAsync(default));
        Assert.Single(_host.Entra.TokenRequests);

        // 3599 s after issue, 56 min is inside the last five minutes: time for a new token.
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("token-2", await _host.Tokens.GetAsync(default));
        Assert.Equal(2, _host.Entra.TokenRequests.Count);
    }

    public void Dispose() => _host.Dispose();
}
