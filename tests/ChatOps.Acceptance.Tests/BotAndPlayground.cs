using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using ChatOps.Acceptance.Tests.Playground;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ChatOps.Acceptance.Tests;

/// <summary>
/// The real bot on Kestrel (Development: no auth, no connector token; Azurite with a table prefix of its own)
/// and the real Agents Playground pointed at it, shared by every acceptance test.
/// </summary>
public sealed class BotAndPlayground : IAsyncLifetime
{
    private const string Azurite = "UseDevelopmentStorage=true";

    private readonly string _tablePrefix = "acc" + Guid.NewGuid().ToString("N")[..10];
    private PlaygroundProcess? _playground;
    private BotHost? _bot;

    internal PlaygroundClient Playground { get; private set; } = null!;

    internal PlaygroundTenant Tenant => Playground.Tenant;

    public async Task InitializeAsync()
    {
        await EnsureAzuriteAsync();
        // The bot must trust the Playground's service URL, and the Playground must know the bot's endpoint:
        // reserve the bot's port, start the Playground on a random one, then start the bot.
        var botPort = FreeLoopbackPort();
        _playground = await PlaygroundProcess.StartAsync(RepositoryRoot(), new Uri($"http://127.0.0.1:{botPort}/api/messages"));
        _bot = new BotHost(_playground.Port, _tablePrefix);
        _bot.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, botPort));
        _bot.StartServer();
        Playground = await PlaygroundClient.ConnectAsync(_playground.BaseUri);
    }

    public async Task DisposeAsync()
    {
        if (Playground is not null)
            await Playground.DisposeAsync();
        if (_bot is not null)
            await _bot.DisposeAsync();
        if (_playground is not null)
            await _playground.DisposeAsync();
        await DeleteTablesAsync();
    }

    private static async Task EnsureAzuriteAsync()
    {
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, 10002).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            Assert.Fail("Azurite is not listening on 127.0.0.1:10002 (Azure Tables). Run infra/test, which starts it.");
        }
    }

    private async Task DeleteTablesAsync()
    {
        try
        {
            var service = new TableServiceClient(Azurite);
            await foreach (var table in service.QueryAsync())
            {
                if (table.Name.StartsWith(_tablePrefix, StringComparison.Ordinal))
                    await service.DeleteTableAsync(table.Name);
            }
        }
        catch (Azure.RequestFailedException)
        {
            // Best effort: the prefix is unique to this run, so leftovers harm no one.
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No ChatOps.sln above {AppContext.BaseDirectory}.");
    }

    private sealed class BotHost(int playgroundPort, string tablePrefix) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = Azurite,
                ["Storage:TablePrefix"] = tablePrefix,
                // The Playground gives the bot http://localhost:<port>/_connector as its serviceUrl.
                ["Bot:Connector:TrustedServiceUrls:0"] = $"http://localhost:{playgroundPort}/",
                ["Bot:Connector:TrustedServiceUrls:1"] = $"http://127.0.0.1:{playgroundPort}/",
            }));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BotAndPlaygroundCollection : ICollectionFixture<BotAndPlayground>
{
    public const string Name = "Bot and Agents Playground";
}
