using System.Diagnostics;
using System.Globalization;
using ChatOps.Benchmarks.Load;

namespace ChatOps.Benchmarks.Sdk;

/// <summary>
/// Our bot against the official Bot Framework SDK for JavaScript on one card click, auth on for both against one
/// local OpenID issuer, driven by the same closed-loop generator. Per connection count: fresh hosts, each checked
/// (a card for the click, 401 for forged tokens), then the targets in interleaved rounds, alternate rounds reversed.
/// </summary>
internal static class SdkCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (CommandLine.Parse(args, SdkOptions.Parse) is not { } options)
            return 2;

        var started = Stopwatch.GetTimestamp();
        var report = new SdkReport(options, args, TimeProvider.System) { LoadBefore = SdkReport.LoadAverage() };
        if (BotBuilderPeer.MissingTools() is { } missing)
        {
            await Console.Error.WriteLineAsync($"The sdk benchmark needs its botbuilder peer, but {missing}.");
            return 2;
        }
        try
        {
            await BotBuilderPeer.EnsureInstalledAsync(Console.WriteLine);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        await using var rig = await BenchmarkRig.StartAsync();
        var clicks = CardClick.Activities(rig);
        var forgeries = CardClick.ForgedTokens(rig);
        var generator = new LoadGenerator(clicks.NextRequest);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per target and connection count: {options.Rounds} rounds of {options.Warmup.TotalSeconds:0.#} s warm-up + {options.Duration.TotalSeconds / options.Rounds:0.#} s measured. Click {clicks.TypicalBodyBytes} B."));
        foreach (var connections in options.Connections)
        {
            await using var targets = await SdkTargets.StartAsync(rig, string.Create(CultureInfo.InvariantCulture, $"s{connections}"), options.Targets);
            report.PeerVersions = targets.PeerVersions;
            report.Checks.Clear();
            foreach (var (target, endpoint) in targets.Endpoints)
                report.Checks.Add(await TargetCheck.RunAsync(target, endpoint, clicks, forgeries));
            if (report.Checks.SelectMany(c => c.Problems).ToList() is { Count: > 0 } problems)
            {
                await Console.Error.WriteLineAsync($"Not measured: {string.Join("\n", problems)}\nThe peer printed:\n{targets.PeerOutput}");
                return 1;
            }
            // Tiered JIT (and V8's), connection pools and key caches settle under load first.
            foreach (var endpoint in targets.Endpoints.Values)
                await generator.RunAsync(endpoint, connections, TimeSpan.Zero, TimeSpan.FromSeconds(1));
            foreach (var (result, cpu) in await MeasureAsync(generator, targets, connections, options))
            {
                report.Results.Add(result);
                report.Cpu[(result.Scenario, connections)] = cpu;
                Console.WriteLine(SdkReport.Line(result));
            }
        }
        report.LoadAfter = SdkReport.LoadAverage();

        var markdown = report.Render();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var path = options.ResultsPath ?? ResultsReport.DefaultPath();
        await SdkReport.WriteAsync(path, markdown);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Written to {path} after {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s."));
        return 0;
    }

    private static async Task<IEnumerable<(LoadResult Result, (double Peer, double Self) Cpu)>> MeasureAsync(LoadGenerator generator, SdkTargets targets, int connections, SdkOptions options)
    {
        var samples = options.Targets.ToDictionary(t => t, _ => new List<WorkerSamples>(), StringComparer.Ordinal);
        var cpu = options.Targets.ToDictionary(t => t, _ => new CpuShare(() => targets.PeerProcessorTime), StringComparer.Ordinal);
        var slice = options.Duration / options.Rounds;
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var target in round % 2 == 0 ? options.Targets : options.Targets.Reverse())
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                samples[target].AddRange(await generator.RunAsync(targets.Endpoints[target], connections, options.Warmup, slice, (cpu[target].Opened, cpu[target].Closed)));
            }
        }
        return options.Targets.Select(t => (LoadResult.From(t, connections, options.Duration, samples[t]), cpu[t].Read()));
    }
}
