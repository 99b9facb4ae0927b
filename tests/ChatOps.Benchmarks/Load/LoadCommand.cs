using System.Diagnostics;
using System.Globalization;

namespace ChatOps.Benchmarks.Load;

/// <summary>
/// The load benchmark. For each connection count: fresh hosts for every scenario, then the scenarios
/// in interleaved rounds, in turn and in reverse order on alternate rounds (A B C D, D C B A, …), so the
/// machine's drift, the other work on it and Azurite's periodic saves fall on all of them alike.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (CommandLine.Parse(args, LoadOptions.Parse) is not { } options)
            return 2;

        var started = Stopwatch.GetTimestamp();
        await using var rig = await BenchmarkRig.StartAsync();
        var generator = new LoadGenerator(rig.Activities.NextRequest);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per scenario and connection count: {options.Rounds} rounds of {options.Warmup.TotalSeconds:0.#} s warm-up + {options.Duration.TotalSeconds / options.Rounds:0.#} s measured."));
        var results = new List<LoadResult>();
        foreach (var connections in options.Connections)
        {
            await using var hosts = await ScenarioHosts.StartAsync(rig, options.Scenarios, string.Create(CultureInfo.InvariantCulture, $"c{connections}"));
            if (results.Count == 0)
                Console.WriteLine($"Activity {rig.Activities.TypicalBodyBytes} B; help reply to the connector {hosts.Reply.Length} B.");
            // Tiered JIT and connection pools settle under load first, so the first scenario measured is not the coldest.
            foreach (var endpoint in hosts.Endpoints.Values)
                await generator.RunAsync(endpoint, connections, TimeSpan.Zero, TimeSpan.FromSeconds(1));
            foreach (var result in await MeasureAsync(generator, rig, hosts.Endpoints, connections, options))
            {
                results.Add(result);
                Console.WriteLine(ResultsReport.Line(result));
            }
        }

        var report = ResultsReport.Render(options, args, results, rig.Time);
        Console.WriteLine();
        Console.WriteLine(report);
        var path = options.ResultsPath ?? ResultsReport.DefaultPath();
        await ResultsReport.WriteAsync(path, report);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Written to {path} after {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s."));
        return 0;
    }

    private static async Task<IEnumerable<LoadResult>> MeasureAsync(LoadGenerator generator, BenchmarkRig rig, IReadOnlyDictionary<string, Uri> hosts, int connections, LoadOptions options)
    {
        var samples = options.Scenarios.ToDictionary(s => s, _ => new List<WorkerSamples>(), StringComparer.Ordinal);
        var posts = options.Scenarios.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        var slice = options.Duration / options.Rounds;
        rig.Stages.Reset();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var scenario in round % 2 == 0 ? options.Scenarios : options.Scenarios.Reverse())
            {
                rig.Connector.Clear();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                samples[scenario].AddRange(await generator.RunAsync(hosts[scenario], connections, options.Warmup, slice, (rig.Stages.Resume, rig.Stages.Pause)));
                posts[scenario] += rig.Connector.Requests.Count;
            }
        }
        rig.Connector.Clear();
        return options.Scenarios.Select(s => LoadResult.From(s, connections, options.Duration, samples[s]) with
        {
            ConnectorPosts = posts[s],
            Stages = s == Scenario.BotStages ? rig.Stages.Read() : [],
        });
    }
}
