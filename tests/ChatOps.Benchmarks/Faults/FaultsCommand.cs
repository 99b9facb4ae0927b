using System.Globalization;
using ChatOps.Benchmarks.Load;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// The load and fault drill: incidents declared through the bot, checklist clicks at a steady rate for minutes, the chosen
/// faults during it, then every accepted click, every due reminder and every timeline checked. Exit 1 when a check fails.
/// </summary>
internal static class FaultsCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (CommandLine.Parse(args, FaultsOptions.Parse) is not { } options)
            return 2;
        if (FaultRig.Missing() is { } missing)
        {
            await Console.Error.WriteLineAsync($"Cannot run the drill: {missing}.");
            return 2;
        }
        var result = await FaultRun.RunAsync(options.Run, Console.WriteLine);
        var markdown = new FaultsReport(result, options.Reproduce(args)).Render();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var path = options.ResultsPath ?? ResultsReport.DefaultPath();
        await FaultsReport.WriteAsync(path, markdown, result.Options.Faults.Count > 0);
        if (result.Problems.Count == 0)
        {
            // A passed run keeps its logs and attempts.csv, not the stores' data.
            foreach (var data in FaultRig.StoreData(result.Folder).Where(Directory.Exists))
                Directory.Delete(data, recursive: true);
        }
        Console.WriteLine($"Written to {path}. Logs: {result.Folder}");
        return result.Problems.Count == 0 ? 0 : 1;
    }
}

/// <summary>The drill's arguments, bounded so a run always ends by itself.</summary>
internal sealed record FaultsOptions(FaultRunOptions Run, string? ResultsPath)
{
    /// <summary>The load drill's warm-up: the bot's JIT-compiled code stops growing after about 5 minutes at 50 clicks/s (RESULTS.md).</summary>
    public static readonly TimeSpan DefaultWarmup = TimeSpan.FromMinutes(5);

    public static FaultsOptions Parse(IReadOnlyList<string> args)
    {
        var run = new FaultRunOptions(200, 50, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(6), FaultPlan.All);
        string? results = null;
        TimeSpan? warmup = null;
        foreach (var (flag, value) in CommandLine.Pairs(args))
        {
            switch (flag)
            {
                case "--incidents": run = run with { Incidents = CommandLine.Bounded(value, 1, 2_000) }; break;
                case "--rate": run = run with { PerSecond = CommandLine.Bounded(value, 1, 200) }; break;
                case "--duration": run = run with { Duration = CommandLine.Seconds(value, 30, 3_600) }; break;
                case "--outage": run = run with { Outage = CommandLine.Seconds(value, 1, 120) }; break;
                case "--warmup": warmup = CommandLine.Seconds(value, 0, 1_800); break;
                case "--settle": run = run with { Settle = CommandLine.Seconds(value, 10, 1_800) }; break;
                case "--faults": run = run with { Faults = FaultPlan.Parse(value) }; break;
                case "--results": results = value; break;
                default: throw new ArgumentException($"unknown option {flag}");
            }
        }
        // The load drill judges memory, so its process warms up first; the fault drill restarts the bot anyway.
        return new FaultsOptions(run with { Warmup = warmup ?? (run.Faults.Count == 0 ? DefaultWarmup : TimeSpan.Zero) }, results);
    }

    public string Reproduce(IReadOnlyList<string> args) =>
        "dotnet run -c Release --project tests/ChatOps.Benchmarks -- faults" + string.Concat(args.Where(a => a != "--results" && a != ResultsPath).Select(a => " " + a));
}
