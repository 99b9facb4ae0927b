using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using ChatOps.Bot.Tests.Hosting;

namespace ChatOps.Bot.Tests.Jobs;

/// <summary>The Hangfire dashboard at /hangfire: local requests in Development, the configured key anywhere.</summary>
public sealed class DashboardTests
{
    private const string Key = "k3y-0f-at-least-32-characters-for-the-dashboard";
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task In_Production_a_request_without_the_key_is_refused_even_from_this_machine()
    {
        await using var bot = Start("Production");

        Assert.Equal(401, await GetAsync(bot, Remote));
        Assert.Equal(401, await GetAsync(bot, IPAddress.Loopback));
        Assert.Equal(401, await GetAsync(bot, Remote, ("X-Api-Key", "not-" + Key)));
        Assert.Equal(401, await GetAsync(bot, Remote, ("Authorization", "Bearer " + Key[..^1])));
    }

    [Fact]
    public async Task In_Production_the_configured_key_opens_it_as_a_header_or_a_bearer_token()
    {
        await using var bot = Start("Production");

        Assert.Equal(200, await GetAsync(bot, Remote, ("X-Api-Key", Key)));
        Assert.Equal(200, await GetAsync(bot, Remote, ("Authorization", "Bearer " + Key)));
    }

    [Fact]
    public async Task In_Production_without_a_configured_key_it_stays_closed()
    {
        await using var bot = Start("Production", key: null);

        Assert.Equal(401, await GetAsync(bot, Remote, ("X-Api-Key", "")));
        Assert.Equal(401, await GetAsync(bot, Remote, ("Authorization", "Bearer ")));
    }

    [Fact]
    public async Task In_Development_a_local_request_opens_it_and_a_remote_one_is_refused()
    {
        await using var bot = Start("Development");

        Assert.Equal(200, await GetAsync(bot, IPAddress.Loopback));
        Assert.Equal(200, await GetAsync(bot, IPAddress.IPv6Loopback));
        Assert.Equal(401, await GetAsync(bot, Remote));
    }

    private static WebApplicationFactory<Program> Start(string environment, string? key = Key) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Bot:AppId", "app");
            b.UseSetting("Bot:Connector:ClientSecret", "from-the-environment");
            b.UseSetting("Storage:ConnectionString", BotHost.StorageConnection);
            b.UseSetting("Storage:TablePrefix", "d" + Guid.NewGuid().ToString("N")[..12]);
            b.UseSetting("Jobs:DashboardApiKey", key);
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        });

    /// <summary>GET /hangfire as if from <paramref name="from"/> (the test server has no real connection to take it from).</summary>
    private static async Task<int> GetAsync(WebApplicationFactory<Program> bot, IPAddress from, params (string Name, string Value)[] headers)
    {
        var context = await bot.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/hangfire";
            c.Connection.RemoteIpAddress = from;
            foreach (var (name, value) in headers)
                c.Request.Headers[name] = value;
        });
        return context.Response.StatusCode;
    }
}
