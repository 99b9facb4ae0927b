using System.Diagnostics;
using System.Globalization;
using ChatOps.Benchmarks.Load;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>
/// The incident lifecycle benchmark: declare turns, checklist clicks, and a memory soak over many incidents,
/// against one bot on Kestrel (auth on, Azurite, the fake connector as Teams, Graph stood in).
/// </summary>
internal static class IncidentsCommand
{
    private const int ClickIncidents = 60;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (CommandLine.Parse(args, IncidentsOptions.Parse) is not { } options)
            return 2;

        var started = Stopwatch.GetTimestamp();
        await using var bench = await IncidentsBench.StartAsync();
        var report = new IncidentsReport(options, args, bench.Time);
        // The real bot keeps Teams' rate limits (30 requests/s per app); the second, without them, shows the bot's own cost.
        bool[] limits = [true, false];
        var declared = limits.ToDictionary(l => l, _ => new List<string>());
        if (options.Parts.Contains(IncidentsOptions.Declare))
        {
            foreach (var rateLimits in limits)
            {
                // Tiered JIT and pools settle first, so the first connection count measured is not the coldest.
                await DeclarePart.RunAsync(bench, rateLimits, options.Connections[0], TimeSpan.Zero, TimeSpan.FromSeconds(2));
                foreach (var connections in options.Connections)
                {
                    var result = await DeclarePart.RunAsync(bench, rateLimits, connections, options.Warmup, options.Duration);
                    declared[rateLimits].AddRange(result.Incidents);
                    Console.WriteLine(result.Loop.Line("declare") + $"  limits {rateLimits}  verified {result.Incidents.Count}/{result.Sent}");
                    report.Declares.Add(result);
                }
            }
            // Below the app-wide limit, declarations arriving as they do in life: the shipped bot's latency, not its queue.
            foreach (var perSecond in options.DeclareRates)
            {
                var result = await DeclarePart.RunOpenAsync(bench, rateLimits: true, perSecond, options.Warmup, options.OpenDuration);
                declared[true].AddRange(result.Incidents);
                Console.WriteLine(result.Loop.Line("declare") + $"  limits True  verified {result.Incidents.Count}/{result.Sent}");
                report.OpenDeclares.Add(result);
            }
        }
        if (options.Parts.Contains(IncidentsOptions.Click))
        {
            foreach (var rateLimits in limits)
            {
                var mine = declared[rateLimits];
                if (mine.Count < ClickIncidents)
                    mine.AddRange(await DeclarePart.DeclareManyAsync(bench, bench.EndpointFor(rateLimits), ClickIncidents - mine.Count));
                var clicks = new ClickPart(bench, rateLimits, mine);
                foreach (var connections in options.Connections)
                {
                    var result = await clicks.RunAsync(connections, options.Warmup, options.Duration);
                    Console.WriteLine(result.Loop.Line("click") + $"  limits {rateLimits}  card updates {result.CardUpdates}");
                    report.Clicks.Add(result);
                }
            }
        }
        if (options.Parts.Contains(IncidentsOptions.Soak))
        {
            var seedStarted = Stopwatch.GetTimestamp();
            var threads = await SoakSeed.CreateAsync(bench, options.Incidents, options.Events);
            report.SeedSeconds = Stopwatch.GetElapsedTime(seedStarted).TotalSeconds;
            Console.WriteLine($"Soak: {options.SoakMinutes} min at {options.SoakConnections} connections, sampling every 10 s.");
            report.Soak = await SoakPart.RunAsync(bench, threads, options.SoakConnections, TimeSpan.FromMinutes(options.SoakMinutes));
            Console.WriteLine(report.Soak.Loop.Line("soak"));
        }
        report.GraphChannels = bench.GraphChannelsCreated;

        var markdown = report.Render();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var path = options.ResultsPath ?? ResultsReport.DefaultPath();
        await IncidentsReport.WriteAsync(path, markdown);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Written to {path} after {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s."));
        return 0;
    }
}
