using System.Net;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Testing;

namespace ChatOps.Bot.Tests.Protocol.Authentication;

/// <summary>The bot with Emulator (Entra) issuers accepted, as configured for local debugging with the Bot Framework Emulator.</summary>
public sealed class EmulatorHost : IAsyncLifetime
{
    public const string EmulatorIssuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    public BotHost Host { get; } = new();

    public async Task InitializeAsync()
    {
        Host.Settings["Bot:Authentication:Emulator:Enabled"] = "true";
        Host.Settings["Bot:Authentication:Emulator:ValidIssuers:0"] = EmulatorIssuer;
        await Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

public sealed class EmulatorTokenTests(EmulatorHost emulator, BotHost channelOnly) : IClassFixture<EmulatorHost>, IClassFixture<BotHost>
{
    [Fact]
    public async Task An_emulator_token_for_this_app_is_accepted_when_emulator_issuers_are_configured()
    {
        var host = emulator.Host;
        // The emulator's keys come from their own metadata URL; in this test both point at the fake issuer.
        var token = EmulatorToken(host, BotHost.AppId);

        var response = await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, "help"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_emulator_token_for_another_app_is_refused()
    {
        var host = emulator.Host;

        var response = await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, "help"), EmulatorToken(host, "another-app"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_emulator_token_is_refused_when_emulator_issuers_are_not_configured()
    {
        var response = await channelOnly.PostAsync(TeamsActivities.Message(channelOnly.Connector.ServiceUrl, "help"), EmulatorToken(channelOnly, BotHost.AppId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string EmulatorToken(BotHost host, string appId) =>
        host.Issuer.CreateToken(new TokenSpec("https://api.botframework.com", host.Connector.ServiceUrl, TimeProvider.System.GetUtcNow())
        {
            Issuer = EmulatorHost.EmulatorIssuer,
            AppIdClaim = appId,
        });
}
