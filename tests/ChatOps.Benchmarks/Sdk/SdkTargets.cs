using ChatOps.Benchmarks.Load;

namespace ChatOps.Benchmarks.Sdk;

/// <summary>
/// What the sdk command puts under load, all up at once against the rig's one OpenID issuer: the botbuilder peer,
/// our bot doing the same work, and our bot on its full product path. Our hosts get fresh tables, dropped on dispose.
/// </summary>
internal sealed class SdkTargets : IAsyncDisposable
{
    public const string Peer = "botbuilder";
    public const string Ours = "ours";
    public const string OursDedup = "ours-dedup";
    public static readonly string[] All = [Peer, Ours, OursDedup];

    private readonly BenchmarkRig _rig;
    private readonly string _tablePrefix;
    private readonly List<BotServer> _bots = [];
    private BotBuilderPeer? _peer;

    private SdkTargets(BenchmarkRig rig, string tablePrefix)
    {
        _rig = rig;
        _tablePrefix = tablePrefix;
    }

    public Dictionary<string, Uri> Endpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>The peer's Node and botbuilder versions.</summary>
    public string PeerVersions => _peer?.Versions ?? "";

    /// <summary>CPU the peer's Node process has used so far (zero without a peer).</summary>
    public TimeSpan PeerProcessorTime => _peer?.ProcessorTime ?? TimeSpan.Zero;

    /// <summary>What the peer printed (refused tokens, turn errors), for diagnosis.</summary>
    public string PeerOutput => _peer?.Output ?? "";

    public static async Task<SdkTargets> StartAsync(BenchmarkRig rig, string block, IReadOnlyList<string> targets)
    {
        var hosts = new SdkTargets(rig, rig.TablePrefix + block);
        try
        {
            foreach (var target in targets)
            {
                hosts.Endpoints[target] = target switch
                {
                    Peer => (hosts._peer = await BotBuilderPeer.StartAsync(SignedActivities.AppId, rig.Issuer.MetadataUrl)).Endpoint,
                    // Same work as the peer: de-duplication (which botbuilder does not do) stood down by a no-op.
                    Ours => hosts.Bot(Scenario.BotNoStorage),
                    // The product path: each invoke claimed in Azure Tables (Azurite) and its answer stored for redeliveries.
                    OursDedup => hosts.Bot(Scenario.Bot),
                    _ => throw new ArgumentException($"unknown target '{target}'", nameof(targets)),
                };
            }
            return hosts;
        }
        catch
        {
            await hosts.DisposeAsync();
            throw;
        }
    }

    public static string Describe(string target) => target switch
    {
        Peer => "the Bot Framework SDK for JavaScript (npm botbuilder 4.23.3, BotBuilderPeer/index.js): CloudAdapter + ConfigurationBotFrameworkAuthentication validating the token, " +
                "a TeamsActivityHandler whose onAdaptiveCardInvoke answers with our help card's content built in JavaScript (same elements, same size); node:http, its own process. " +
                "No de-duplication, no storage. botbuilder answers a forged signature with 500 (it rethrows jsonwebtoken's error); the peer maps those errors to 401",
        Ours => "our bot (its real Program on Kestrel, auth on), the same work: token validated, invoke routed to the help.show verb, card answered; " +
                "de-duplication stood down (IProcessedActivities replaced by a no-op, as botbuilder has none). **The ratio the target is about**",
        OursDedup => "our bot on its full product path: as `ours`, plus the invoke claimed in Azure Tables (AddEntity on Azurite) before the turn and its answer stored " +
                     "(UpsertEntity) after it, so a redelivery gets the same answer. For context: botbuilder does not do this work",
        _ => target,
    };

    private Uri Bot(string scenario)
    {
        _bots.Add(BotServer.Start(scenario, _rig, _tablePrefix));
        return _bots[^1].Endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        if (_peer is not null)
            await _peer.DisposeAsync();
        foreach (var bot in _bots)
            await bot.DisposeAsync();
        await _rig.DropTablesAsync(_tablePrefix);
    }
}
