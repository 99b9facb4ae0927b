using System.Globalization;
using System.Security.Cryptography;
using ChatOps.Benchmarks.Incidents;
using ChatOps.Benchmarks.Load;
using ChatOps.Bot.Storage;
using ChatOps.Incidents.Incidents;
using ChatOps.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// Everything the fault run breaks, each in a process or server of its own: Azurite (on disk), PostgreSQL under the bot's
/// Hangfire, the bot itself (<c>dotnet ChatOps.Bot.dll</c>, auth on), and the stand-ins for Teams (the fake Bot Connector,
/// which can storm 429/502), Entra's OpenID metadata and Graph. The run's folder keeps every log.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    private readonly ServiceProvider _reader;

    private FaultRig(string folder, FakeOpenIdIssuer issuer, FakeBotConnector connector, FakeGraph graph, AzuriteNode azurite, PostgresNode postgres, BotProcess bot,
        FaultClocks clocks, ServiceProvider reader)
    {
        Folder = folder;
        Issuer = issuer;
        Connector = connector;
        Graph = graph;
        Azurite = azurite;
        Postgres = postgres;
        Bot = bot;
        Clocks = clocks;
        _reader = reader;
        Store = reader.GetRequiredService<TableIncidentStore>();
        Activities = new IncidentActivities(issuer, connector.ServiceUrl, Path.GetFileName(folder)[^8..], Time);
    }

    public TimeProvider Time => TimeProvider.System;

    public string Folder { get; }

    public FakeOpenIdIssuer Issuer { get; }

    public FakeBotConnector Connector { get; }

    public FakeGraph Graph { get; }

    public AzuriteNode Azurite { get; }

    public PostgresNode Postgres { get; }

    public BotProcess Bot { get; }

    public FaultClocks Clocks { get; }

    /// <summary>The bot's incident store, read from this process (the same tables), to check what the bot recorded.</summary>
    public IIncidentStore Store { get; }

    public IncidentActivities Activities { get; }

    /// <summary>The stores' data in a run folder: a passed run drops it and keeps the logs.</summary>
    public static string[] StoreData(string folder) => [AzuriteNode.DataFolder(AzuriteIn(folder)), PostgresNode.DataFolder(PostgresIn(folder))];

    private static string AzuriteIn(string folder) => Path.Combine(folder, "azurite");

    private static string PostgresIn(string folder) => Path.Combine(folder, "postgres");

    /// <summary>What is missing on this machine to run it, or null.</summary>
    public static string? Missing() => AzuriteNode.Missing() ?? PostgresNode.Missing();

    /// <param name="restartsStorage">Azurite will be stopped and started again: it keeps its data on disk.</param>
    public static async Task<FaultRig> StartAsync(FaultClocks clocks, bool restartsStorage, Action<string> progress)
    {
        var folder = Path.Combine(Path.GetTempPath(), "chatops-faults-" + RandomNumberGenerator.GetHexString(8, lowercase: true));
        Directory.CreateDirectory(folder);
        progress($"Run folder (logs): {folder}");
        var issuer = await FakeOpenIdIssuer.StartAsync();
        var connector = await FakeBotConnector.StartAsync();
        // Cards PUT in place are most of what the bot sends; only posts are checked (the reminders), so only theirs are kept.
        connector.KeepsBody = (method, _) => method == "POST";
        var graph = await FakeGraph.StartAsync();
        var azurite = await AzuriteNode.StartAsync(AzuriteIn(folder), onDisk: restartsStorage);
        var postgres = await PostgresNode.StartAsync(PostgresIn(folder));
        progress("Azurite and PostgreSQL are up.");
        var slaFile = Path.Combine(folder, "sla-drill.yaml");
        await File.WriteAllTextAsync(slaFile, clocks.SlaYaml());
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Bot:AppId"] = SignedActivities.AppId,
            ["Bot:Authentication:Enabled"] = "true",
            ["Bot:Authentication:OpenIdMetadataUrl"] = issuer.MetadataUrl.AbsoluteUri,
            ["Bot:Connector:Credential"] = "None",
            ["Bot:Connector:TrustedServiceUrls:0"] = connector.ServiceUrl,
            ["Bot:Connector:TrustedServiceUrls:1"] = connector.ServiceUrl,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "drill",
            ["Jobs:Storage"] = "PostgreSql",
            ["Jobs:PostgreSqlConnectionString"] = postgres.ConnectionString,
            ["Incidents:SlaFile"] = slaFile,
            ["Graph:BaseUrl"] = graph.GraphBase.AbsoluteUri,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        };
        var bot = new BotProcess(settings, Path.Combine(folder, "bot.log"));
        await bot.StartAsync();
        progress("The bot is ready.");
        var reader = Reader(azurite.ConnectionString);
        return new FaultRig(folder, issuer, connector, graph, azurite, postgres, bot, clocks, reader);
    }

    /// <summary>The bot's own table store, in this process, on the same tables.</summary>
    private static ServiceProvider Reader(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = "drill",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBotStorage(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Declares <paramref name="count"/> incidents through the bot, four at a time; returns those confirmed, with their threads.</summary>
    public async Task<IReadOnlyList<string>> DeclareAsync(int count)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var ids = Enumerable.Range(0, count).Select(_ => Activities.NextId()).ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
        {
            using var request = Activities.Declare(Bot.Endpoint, id, string.Create(CultureInfo.InvariantCulture, $"Drill {id[^6..]}"));
            using var response = await client.SendAsync(request, ct);
        });
        return DeclarePart.Verify(Connector.Requests, ids);
    }

    public async ValueTask DisposeAsync()
    {
        Bot.Dispose();
        await _reader.DisposeAsync();
        await Postgres.DisposeAsync();
        await Azurite.DisposeAsync();
        await Graph.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
