using System.Net;
using ChatOps.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Bot.Tests.Health;

/// <summary>A stop while a turn waits on Teams: the turn finishes and is answered before the bot goes.</summary>
public sealed class ShutdownTests : IAsyncLifetime
{
    private readonly BotHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Stopping_the_bot_finishes_the_turn_in_flight()
    {
        _host.Connector.Delay = TimeSpan.FromSeconds(1);
        var turn = _host.PostAsync(TeamsActivities.Message(_host.Connector.ServiceUrl, "help"));
        await _host.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal));

        _host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        using var answered = await turn;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }
}
