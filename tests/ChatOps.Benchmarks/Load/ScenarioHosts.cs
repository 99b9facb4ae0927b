using ChatOps.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ChatOps.Benchmarks.Load;

/// <summary>
/// One host per scenario, all up at once: the bot (its real Program on Kestrel) configured per
/// scenario, and the baselines. Each set gets fresh tables, dropped again on dispose, so Azurite's
/// database (which it rewrites whole every 5 s) stays as small in every block of runs.
/// </summary>
internal sealed class ScenarioHosts : IAsyncDisposable
{
    private readonly BenchmarkRig _rig;
    private readonly string _tablePrefix;
    private readonly List<BotServer> _bots = [];
    private readonly List<BaselineServer> _baselines = [];

    private ScenarioHosts(BenchmarkRig rig, string tablePrefix)
    {
        _rig = rig;
        _tablePrefix = tablePrefix;
    }

    public Dictionary<string, Uri> Endpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>What the bot POSTs to the connector for help; the baselines POST the same.</summary>
    public byte[] Reply { get; private set; } = [];

    public static async Task<ScenarioHosts> StartAsync(BenchmarkRig rig, IReadOnlyList<string> scenarios, string block)
    {
        var hosts = new ScenarioHosts(rig, rig.TablePrefix + block);
        try
        {
            foreach (var scenario in scenarios.Where(s => !Scenario.IsBaseline(s)))
            {
                hosts._bots.Add(BotServer.Start(scenario, rig, hosts._tablePrefix, WithoutTeamsRateLimits));
                hosts.Endpoints[scenario] = hosts._bots[^1].Endpoint;
            }
            if (hosts._bots.Count == 0)
                hosts._bots.Add(BotServer.Start(Scenario.BotNoStorage, rig, hosts._tablePrefix, WithoutTeamsRateLimits));
            hosts.Reply = await rig.PrimeAsync(hosts._bots[0].Endpoint);
            foreach (var scenario in scenarios.Where(Scenario.IsBaseline))
            {
                hosts._baselines.Add(await BaselineServer.StartAsync(rig, hosts._tablePrefix, hosts.Reply, withTables: scenario == Scenario.Baseline));
                hosts.Endpoints[scenario] = hosts._baselines[^1].Endpoint;
            }
            foreach (var endpoint in hosts.Endpoints.Values)
                await rig.PrimeAsync(endpoint);
            return hosts;
        }
        catch
        {
            await hosts.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var baseline in _baselines)
            await baseline.DisposeAsync();
        foreach (var bot in _bots)
            await bot.DisposeAsync();
        await _rig.DropTablesAsync(_tablePrefix);
    }

    /// <summary>
    /// Teams' rate limits are Teams' rule, not our cost: with the fake connector standing in for Teams, and every
    /// request of this load in one conversation (7 sends/s), the bot's connector client runs without its limiter.
    /// </summary>
    private static (IReadOnlyDictionary<string, string?> Settings, Action<IServiceCollection> Services) WithoutTeamsRateLimits =>
        (new Dictionary<string, string?>(), services => services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b =>
        {
            foreach (var limiter in b.AdditionalHandlers.OfType<RateLimitHandler>().ToList())
                b.AdditionalHandlers.Remove(limiter);
        })));
}
