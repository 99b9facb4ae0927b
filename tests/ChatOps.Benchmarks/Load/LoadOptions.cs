namespace ChatOps.Benchmarks.Load;

/// <summary>The load command's arguments, bounded so a run always ends by itself in a few minutes.</summary>
/// <param name="Duration">Measured time per scenario and connection count, split over the rounds.</param>
/// <param name="Warmup">Unmeasured load before each round's measured slice.</param>
internal sealed record LoadOptions(TimeSpan Duration, TimeSpan Warmup, int Rounds, IReadOnlyList<int> Connections, IReadOnlyList<string> Scenarios, string? ResultsPath)
{
    public static readonly string[] DefaultScenarios = [Scenario.Baseline, Scenario.Bot, Scenario.BaselineNoStorage, Scenario.BotNoStorage];

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(0.5), 10, [10, 50], DefaultScenarios, null);
        foreach (var (flag, value) in CommandLine.Pairs(args))
        {
            options = flag switch
            {
                "--duration" => options with { Duration = CommandLine.Seconds(value, 1, 120) },
                "--warmup" => options with { Warmup = CommandLine.Seconds(value, 0, 30) },
                "--rounds" => options with { Rounds = CommandLine.Bounded(value, 1, 20) },
                "--connections" => options with { Connections = [.. value.Split(',').Select(c => CommandLine.Bounded(c, 1, 256))] },
                "--scenarios" => options with { Scenarios = [.. value.Split(',').Select(Scenario.Check)] },
                "--results" => options with { ResultsPath = value },
                _ => throw new ArgumentException($"unknown option {flag}"),
            };
        }
        return options;
    }

}

/// <summary>What is under load: the baseline (I/O only) or our bot with parts stood down.</summary>
internal static class Scenario
{
    public const string Baseline = "baseline";
    public const string BaselineNoStorage = "baseline-nostorage";
    public const string Bot = "bot";
    public const string BotNoStorage = "bot-nostorage";
    public const string BotNoAuth = "bot-noauth";
    public const string BotNoAuthNoStorage = "bot-noauth-nostorage";

    /// <summary>The bot as in "bot", with stopwatches around its storage and connector calls (diagnosis only).</summary>
    public const string BotStages = "bot-stages";

    private static readonly string[] All = [Baseline, BaselineNoStorage, Bot, BotNoStorage, BotNoAuth, BotNoAuthNoStorage, BotStages];

    public static string Check(string name) =>
        All.Contains(name, StringComparer.Ordinal) ? name : throw new ArgumentException($"unknown scenario '{name}' (known: {string.Join(", ", All)})");

    public static bool IsBaseline(string name) => name is Baseline or BaselineNoStorage;

    /// <summary>The baseline a bot scenario is held against: with storage, or without.</summary>
    public static string? BaselineFor(string name) => name switch
    {
        Bot or BotNoAuth or BotStages => Baseline,
        BotNoStorage or BotNoAuthNoStorage => BaselineNoStorage,
        _ => null,
    };

    public static string Describe(string name) => name switch
    {
        Baseline => "Kestrel endpoint: drain body, AddEntity + connector POST + UpsertEntity, 200; none of our code",
        BaselineNoStorage => "the baseline without the table operations: drain body, connector POST, 200",
        Bot => "our bot: auth on, Azure Tables de-duplication (Azurite), help card to the fake connector",
        BotNoStorage => "our bot: auth on, IProcessedActivities replaced by a no-op (protocol + routing + connector only)",
        BotNoAuth => "our bot: auth off, storage on",
        BotNoAuthNoStorage => "our bot: auth off, storage off",
        BotStages => "our bot as in 'bot', with stopwatches around its storage and connector calls",
        _ => name,
    };
}
