namespace ChatOps.Benchmarks.Sdk;

/// <summary>The sdk command's arguments, bounded so a run always ends by itself within minutes.</summary>
/// <param name="Duration">Measured time per target and connection count, split over the rounds.</param>
/// <param name="Warmup">Unmeasured load before each round's measured slice.</param>
internal sealed record SdkOptions(TimeSpan Duration, TimeSpan Warmup, int Rounds, IReadOnlyList<int> Connections, IReadOnlyList<string> Targets, string? ResultsPath)
{
    public static SdkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SdkOptions(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(0.5), 10, [10, 50], SdkTargets.All, null);
        foreach (var (flag, value) in CommandLine.Pairs(args))
        {
            options = flag switch
            {
                "--duration" => options with { Duration = CommandLine.Seconds(value, 1, 120) },
                "--warmup" => options with { Warmup = CommandLine.Seconds(value, 0, 30) },
                "--rounds" => options with { Rounds = CommandLine.Bounded(value, 1, 20) },
                "--connections" => options with { Connections = [.. value.Split(',').Select(c => CommandLine.Bounded(c, 1, 256))] },
                "--targets" => options with { Targets = [.. value.Split(',').Select(Target)] },
                "--results" => options with { ResultsPath = value },
                _ => throw new ArgumentException($"unknown option {flag}"),
            };
        }
        return options.Targets.Contains(SdkTargets.Peer) ? options : throw new ArgumentException($"--targets must include {SdkTargets.Peer}: the ratios are against it");
    }

    private static string Target(string name) =>
        SdkTargets.All.Contains(name, StringComparer.Ordinal) ? name : throw new ArgumentException($"unknown target '{name}' (known: {string.Join(", ", SdkTargets.All)})");

}
