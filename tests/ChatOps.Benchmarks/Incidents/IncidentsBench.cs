using ChatOps.Benchmarks.Load;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>
/// The bot (its real Program on Kestrel, auth on, Development with the contoso client, Azurite tables under a
/// fresh prefix) with stopwatches on its ports, the fake connector as Teams and a fake Graph that should stay unused.
/// </summary>
internal sealed class IncidentsBench : IAsyncDisposable
{
    private readonly BenchmarkRig _rig;
    private readonly FakeGraph _graph;
    private readonly BotServer _bot;
    private readonly BotServer _unlimited;

    private IncidentsBench(BenchmarkRig rig, FakeGraph graph, BotServer bot, BotServer unlimited, StageTimes stages)
    {
        _rig = rig;
        _graph = graph;
        _bot = bot;
        _unlimited = unlimited;
        Stages = stages;
        Activities = new IncidentActivities(rig.Issuer, rig.Connector.ServiceUrl, rig.TablePrefix[5..], rig.Time);
    }

    public Uri Endpoint => _bot.Endpoint;

    /// <summary>A second bot, the same but without the Teams rate limits on its connector client (diagnosis: the bot's own cost).</summary>
    public Uri UnlimitedEndpoint => _unlimited.Endpoint;

    public Uri EndpointFor(bool rateLimits) => rateLimits ? Endpoint : UnlimitedEndpoint;

    /// <summary>Each bot has its own tables, so its own incidents.</summary>
    public IIncidentStore StoreFor(bool rateLimits) => (rateLimits ? _bot : _unlimited).Services.GetRequiredService<IIncidentStore>();

    public IServiceProvider Services => _bot.Services;

    public FakeBotConnector Connector => _rig.Connector;

    public int GraphChannelsCreated => _graph.Channels.Count;

    public IncidentActivities Activities { get; }

    public StageTimes Stages { get; }

    public TimeProvider Time => _rig.Time;

    public static async Task<IncidentsBench> StartAsync()
    {
        var rig = await BenchmarkRig.StartAsync();
        var graph = await FakeGraph.StartAsync();
        var stages = new StageTimes();
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Graph:BaseUrl"] = graph.GraphBase.AbsoluteUri,
            ["Logging:LogLevel:ChatOps"] = "Warning",
        };
        var bot = BotServer.Start(Scenario.Bot, rig, rig.TablePrefix + "i", (settings, services => TimedServices.Instrument(services, stages)));
        var unlimited = BotServer.Start(Scenario.Bot, rig, rig.TablePrefix + "u", (settings, services =>
        {
            TimedServices.Instrument(services, stages);
            services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b =>
            {
                foreach (var limiter in b.AdditionalHandlers.OfType<RateLimitHandler>().ToList())
                    b.AdditionalHandlers.Remove(limiter);
            }));
        }));
        var bench = new IncidentsBench(rig, graph, bot, unlimited, stages);
        await ContosoStoredAsync(bot);
        await ContosoStoredAsync(unlimited);
        return bench;
    }

    /// <summary>The Development clients are stored into Azure Tables at start; load begins once contoso is there.</summary>
    private static async Task ContosoStoredAsync(BotServer bot)
    {
        var directory = bot.Services.GetRequiredService<IClientDirectory>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await directory.FindAsync("contoso", timeout.Token) is null)
            await Task.Delay(100, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _unlimited.DisposeAsync();
        await _graph.DisposeAsync();
        await _rig.DisposeAsync();
    }
}
