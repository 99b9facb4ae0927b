using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatOps.Benchmarks.Load;

/// <summary>The results as a Markdown page: the table, the ratios against the targets, and the machine and command.</summary>
internal static class ResultsReport
{
    public const double ThroughputTarget = 0.70;
    public const double P99Target = 1.5;

    /// <summary>Everything from this line on in RESULTS.md is hand-written analysis, kept when the file is rewritten.</summary>
    private const string NotesMarker = "<!-- Notes below this line are written by hand and kept when the benchmark rewrites this file. -->";

    public static string Line(LoadResult r) =>
        $"{r.Scenario,-22} {r.Connections,3} conn: {F(r.RequestsPerSecond, "0"),6} req/s  p50 {F(r.P50Ms, "0.0"),6} ms  p99 {F(r.P99Ms, "0.0"),6} ms  " +
        $"max {F(r.MaxMs, "0"),5} ms  errors {r.Errors}{Kinds(r)}  (connector posts {r.ConnectorPosts})";

    public static string Render(LoadOptions options, IReadOnlyList<string> args, IReadOnlyList<LoadResult> results, TimeProvider time)
    {
        var md = new StringBuilder();
        md.AppendLine("# Load benchmark: a `help` turn, our bot against the I/O-only baseline").AppendLine();
        var gc = GCSettings.IsServerGC ? "server" : "workstation";
        md.AppendLine(CultureInfo.InvariantCulture, $"Measured {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC on a {Environment.ProcessorCount}-core machine ({RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {gc} GC).");
        md.AppendLine("The load generator, the bot, the baseline, the fake OpenID issuer and the fake Bot Connector run in one process on loopback, " +
            "Azurite in its own (Node); all share the 2 cores, and other builds may have been running: the figures are noisy, compare rows only within one run.").AppendLine();
        md.AppendLine("```").AppendLine(Command(args)).AppendLine("```").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Each scenario × connection count: {options.Rounds} interleaved rounds (every scenario in turn, alternate rounds in reverse order; fresh hosts and tables per connection count) of {options.Warmup.TotalSeconds:0.#} s warm-up + {options.Duration.TotalSeconds / options.Rounds:0.#} s measured, {options.Duration.TotalSeconds:0} s measured in all.");
        md.AppendLine("req/s counts 2xx answers; latency is from sending the request to reading the whole response, on the generator's side; errors are non-2xx answers and failed requests.").AppendLine();
        foreach (var scenario in results.Select(r => r.Scenario).Distinct())
            md.AppendLine(CultureInfo.InvariantCulture, $"- `{scenario}`: {Scenario.Describe(scenario)}");
        md.AppendLine();
        md.AppendLine("| scenario | connections | req/s | p50 ms | p99 ms | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in results.OrderBy(r => r.Connections).ThenBy(r => Order(r.Scenario)))
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Connections} | {F(r.RequestsPerSecond, "0")} | {F(r.P50Ms, "0.0")} | {F(r.P99Ms, "0.0")} | {r.Errors}{Kinds(r)} |");
        md.AppendLine();
        AppendRatios(md, results);
        AppendStages(md, results);
        return md.ToString();
    }

    public static string DefaultPath() => Path.Combine(RepositoryRoot.Path, "tests", "ChatOps.Benchmarks", "RESULTS.md");

    public static async Task WriteAsync(string path, string markdown)
    {
        var notes = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        var at = notes.IndexOf(NotesMarker, StringComparison.Ordinal);
        notes = at < 0 ? NotesMarker + Environment.NewLine : notes[at..];
        await File.WriteAllTextAsync(path, markdown + notes);
    }

    private static void AppendRatios(StringBuilder md, IReadOnlyList<LoadResult> results)
    {
        var rows = from bot in results
                   let against = Scenario.BaselineFor(bot.Scenario)
                   where against is not null
                   join baseline in results on (against, bot.Connections) equals (baseline.Scenario, baseline.Connections)
                   orderby bot.Connections, Order(bot.Scenario)
                   select (bot, baseline);
        md.AppendLine(CultureInfo.InvariantCulture, $"| ratio | connections | throughput ratio (target ≥ {ThroughputTarget:P0}) | p99 ratio (target ≤ {P99Target:0.0}×) |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var (bot, baseline) in rows)
        {
            var throughput = bot.RequestsPerSecond / baseline.RequestsPerSecond;
            var p99 = bot.P99Ms / baseline.P99Ms;
            var verdict = bot.Scenario == Scenario.Bot;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {bot.Scenario} / {baseline.Scenario} | {bot.Connections} | {throughput:P0}{Verdict(verdict, throughput >= ThroughputTarget)} | {p99:0.00}×{Verdict(verdict, p99 <= P99Target)} |");
        }
        md.AppendLine();
    }

    private static void AppendStages(StringBuilder md, IReadOnlyList<LoadResult> results)
    {
        foreach (var r in results.Where(r => r.Stages.Count > 0))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Where a `bot-stages` turn's time goes at {r.Connections} connections (mean per call; the generator saw {F(r.MeanMs, "0.0")} ms per request):").AppendLine();
            md.AppendLine("| stage | calls | mean ms |").AppendLine("|---|---:|---:|");
            foreach (var (stage, calls, mean) in r.Stages)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {stage} | {calls} | {F(mean, "0.00")} |");
            var request = r.Stages.Single(s => s.Stage == StageClock.Request).MeanMs;
            var io = r.Stages.Where(s => s.Stage != StageClock.Request).Sum(s => s.MeanMs);
            md.AppendLine(CultureInfo.InvariantCulture, $"| the rest of the request: auth, parse, routing, card, serialisation, waiting for a thread | | {F(request - io, "0.00")} |").AppendLine();
        }
    }

    private static string Command(IReadOnlyList<string> args) =>
        string.Join(' ', new[] { "dotnet run -c Release --project tests/ChatOps.Benchmarks -- load" }.Concat(args));

    private static string Verdict(bool applies, bool met) => applies ? (met ? " met" : " **missed**") : "";

    private static string Kinds(LoadResult r) =>
        r.Errors == 0 ? "" : " (" + string.Join(", ", r.ErrorsByKind.Select(e => $"{e.Key}×{e.Value}")) + ")";

    private static int Order(string scenario) => scenario switch
    {
        Scenario.Baseline => 0,
        Scenario.Bot => 1,
        Scenario.BaselineNoStorage => 2,
        Scenario.BotNoStorage => 3,
        _ => 4,
    };

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
