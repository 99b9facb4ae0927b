namespace ChatOps.Benchmarks.Incidents;

/// <summary>The incidents command's arguments, bounded so a run always ends by itself.</summary>
/// <param name="Duration">Measured time per part and connection count.</param>
/// <param name="Connections">Concurrent connections for declare and click; the soak uses the smallest.</param>
/// <param name="DeclareRates">Open-loop declaration rates (per second) for the shipped bot, below Teams' 30 requests/s per app.</param>
/// <param name="OpenDuration">Measured time per open-loop rate: long enough for a p99 over hundreds of declarations.</param>
internal sealed record IncidentsOptions(
    TimeSpan Duration, TimeSpan OpenDuration, TimeSpan Warmup, IReadOnlyList<int> Connections, IReadOnlyList<int> DeclareRates, int Incidents, int Events, int SoakMinutes,
    IReadOnlyList<string> Parts, string? ResultsPath)
{
    public const string Declare = "declare";
    public const string Click = "click";
    public const string Soak = "soak";

    public int SoakConnections => Connections.Min();

    public static IncidentsOptions Parse(IReadOnlyList<string> args)
    {
        var options = new IncidentsOptions(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(1), [4, 10], [2, 4, 6], 1000, 100, 10, [Declare, Click, Soak], null);
        foreach (var (flag, value) in CommandLine.Pairs(args))
        {
            options = flag switch
            {
                "--duration" => options with { Duration = TimeSpan.FromSeconds(CommandLine.Bounded(value, 1, 300)) },
                "--open-duration" => options with { OpenDuration = TimeSpan.FromSeconds(CommandLine.Bounded(value, 1, 600)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(CommandLine.Bounded(value, 0, 30)) },
                "--connections" => options with { Connections = [.. value.Split(',').Select(c => CommandLine.Bounded(c, 1, 64))] },
                "--declare-rates" => options with { DeclareRates = [.. value.Split(',').Select(r => CommandLine.Bounded(r, 1, 9))] },
                "--incidents" => options with { Incidents = CommandLine.Bounded(value, 1, 20_000) },
                "--events" => options with { Events = CommandLine.Bounded(value, 2, 1_000) },
                "--soak-minutes" => options with { SoakMinutes = CommandLine.Bounded(value, 1, 60) },
                "--parts" => options with { Parts = [.. value.Split(',').Select(Part)] },
                "--results" => options with { ResultsPath = value },
                _ => throw new ArgumentException($"unknown option {flag}"),
            };
        }
        return options;
    }

    private static string Part(string name) =>
        name is Declare or Click or Soak ? name : throw new ArgumentException($"unknown part '{name}' (known: {Declare}, {Click}, {Soak})");
}
