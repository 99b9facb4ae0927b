using System.Globalization;
using System.Text;
using ChatOps.Benchmarks.Load;

namespace ChatOps.Benchmarks.Faults;

/// <summary>The drill's section of RESULTS.md: the load, the faults with what clients saw during each, the checks, the bot's memory.</summary>
internal sealed class FaultsReport(FaultRunResult result, string command)
{
    private static readonly ResultsSection LoadSection = new("<!-- Load drill: begin -->", "<!-- Load drill: end. Notes below are written by hand and kept. -->");
    private static readonly ResultsSection FaultSection = new("<!-- Fault drill: begin -->", "<!-- Fault drill: end. Notes below are written by hand and kept. -->");

    public static Task WriteAsync(string path, string markdown, bool withFaults) => (withFaults ? FaultSection : LoadSection).WriteAsync(path, markdown);

    public string Render()
    {
        var o = result.Options;
        var c = result.Clicks;
        var md = new StringBuilder();
        md.AppendLine(o.Faults.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"# Load drill: {o.PerSecond:0.#} checklist clicks/s on {result.Incidents} open incidents for {o.Duration.TotalMinutes:0.#} minutes{WarmupTitle(o)} (issue 9)")
            : string.Create(CultureInfo.InvariantCulture, $"# Fault drill: {o.PerSecond:0.#} clicks/s on {result.Incidents} incidents for {o.Load.TotalMinutes:0.#} minutes while storage, Teams, the bot and Hangfire's database fail (issue 9)")).AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores ({System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}).").AppendLine();
        md.AppendLine("```").AppendLine(command).AppendLine("```").AppendLine();
        var clocks = FaultClocks.For(o.Load);
        md.AppendLine("The bot runs as in production, `dotnet ChatOps.Bot.dll` in a process of its own (auth on, Teams' rate limits on" + ProcessSettings() + "), on an Azurite of its own " +
            (o.Faults.Contains(FaultPlan.Azurite) ? "that keeps its data on disk (it is stopped and started again)" : "(in memory: on disk it rewrites its whole database every 5 s)") +
            ", with PostgreSQL under Hangfire; the fake Bot Connector, OpenID metadata and Graph and the load run in the benchmark's process.");
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Incidents} incidents are declared through the bot (each a thread with its cards), then checklist clicks (`adaptiveCard/action`, CP-01/CP-03/CP-04 round Open → InProgress → Done → Open) arrive at {o.PerSecond:0.#}/s (Poisson) for {o.Load.TotalMinutes:0.#} min{WarmupNote(o)}, each on a point nobody is clicking then."));
        md.AppendLine("A click without an answer is clicked again (a new activity, same from → to and point revision, as its card carries) after 0.5–5 s, as a person would.");
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"The drill's SLA policy gives the acknowledge clock {Seconds(clocks.Acknowledge)} and the first-response clock {Seconds(clocks.Respond)}, so every incident owes 6 reminders (50 %, 75 %, breach) during the run.")).AppendLine();

        md.AppendLine("| clicks | accepted | proven applied after no answer | failed attempts | given up | resolved p50 | resolved p99 | answered attempts p99 | max |").AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var resolved = c.Resolved.Select(r => r.TotalMilliseconds).Order().ToArray();
        var answered = c.Attempts.Where(a => !a.Failed).Select(a => a.Took.TotalMilliseconds).Order().ToArray();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {c.Clicks} | {c.Accepted} ({c.Accepted / o.Load.TotalSeconds:0.0}/s) | {result.Proven} | {c.Failures.Values.Sum()} | {c.GivenUp} | {Ms(resolved, 0.5)} | {Ms(resolved, 0.99)} | {Ms(answered, 0.99)} | {Ms(resolved, 1)} |").AppendLine();
        if (c.Skipped > 0)
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{c.Skipped} arrivals found every point they tried busy (its person still clicking through an outage) and were not sent.")).AppendLine();
        if (c.Failures.Count > 0)
        {
            md.AppendLine("Failed attempts: " + string.Join(", ", c.Failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} ×{f.Value}")) + ".").AppendLine();
            md.Append(FailuresByMinute(c, o.Load)).AppendLine();
        }

        if (result.Windows.Count > 0)
        {
            md.AppendLine("| fault | from | to | failed attempts from its start until 30 s after it (or the next fault) | first accepted click after it |").AppendLine("|---|---:|---:|---:|---:|");
            for (var i = 0; i < result.Windows.Count; i++)
            {
                var w = result.Windows[i];
                var until = i + 1 < result.Windows.Count ? TimeSpan.FromTicks(Math.Min((w.To + TimeSpan.FromSeconds(30)).Ticks, result.Windows[i + 1].From.Ticks)) : w.To + TimeSpan.FromSeconds(30);
                var failed = c.Attempts.Count(a => a.At >= w.From && a.At < until && a.Failed);
                var first = c.Attempts.Where(a => a.At >= w.To && a.Outcome == ClickLoad.Accepted).Select(a => a.At + a.Took - w.To).DefaultIfEmpty(TimeSpan.MaxValue).Min();
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Describe(w.Name, o.Outage)} | {w.From.TotalSeconds:0.0} s | {w.To.TotalSeconds:0.0} s | {failed} | {(first == TimeSpan.MaxValue ? "none" : $"{first.TotalSeconds:0.0} s")} |");
            }
            md.AppendLine();
        }

        var r = result.Reminders;
        md.AppendLine("**Checks** (after the load, once every reminder was due and recorded, bounded):").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Clicks: {result.OnTimeline} point changes on the timelines; each point's changes are exactly the accepted clicks and the unanswered clicks later shown applied, in order: **{(result.Problems.Any(p => p.Contains(": the timeline has", StringComparison.Ordinal)) ? "no" : "yes")}**.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Reminders: {r.Due} due; on the timeline exactly once: **{r.RecordedOnce}**; delivered to the thread exactly once: **{r.DeliveredOnce}**; recorded late by {r.MedianLate.TotalSeconds:0.0} s (median), {r.MaxLate.TotalSeconds:0.0} s (max).");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Timelines: {result.Incidents} hash chains verified against their incidents' head hash: **{(result.Problems.Any(p => p.Contains("does not verify", StringComparison.Ordinal)) ? "no" : "yes")}**.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Verdict: **{(result.Problems.Count == 0 ? "passed" : $"{result.Problems.Count} problems")}**.");
        foreach (var p in result.Problems.Take(20))
            md.AppendLine("  - " + p);
        md.AppendLine();

        AppendMemory(md);
        return md.ToString();
    }

    /// <summary>Failed attempts (and of them, timeouts) by the minute of the load they were sent in: when, not only how many.</summary>
    internal static string FailuresByMinute(ClickLoadResult c, TimeSpan load)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(load.TotalMinutes));
        var failed = new int[minutes];
        var timeouts = new int[minutes];
        foreach (var a in c.Attempts.Where(a => a.Failed))
        {
            var m = Math.Clamp((int)a.At.TotalMinutes, 0, minutes - 1);
            failed[m]++;
            if (a.Outcome == ClickLoad.Timeout)
                timeouts[m]++;
        }
        var columns = Enumerable.Range(1, minutes).ToArray();
        return new StringBuilder()
            .AppendLine("| minute of the load | " + string.Join(" | ", columns) + " |")
            .AppendLine("|---|" + string.Concat(columns.Select(_ => "---:|")))
            .AppendLine("| failed attempts sent in it | " + string.Join(" | ", failed) + " |")
            .AppendLine("| of them timed out (no answer in 15 s) | " + string.Join(" | ", timeouts) + " |")
            .ToString();
    }

    private void AppendMemory(StringBuilder md)
    {
        var samples = result.Memory;
        var warmup = result.Options.Warmup;
        if (samples.Count < 2)
            return;
        md.AppendLine(CultureInfo.InvariantCulture, $"**The bot's memory** (resident set of its process, every 5 s; it was started {result.BotStarts} time(s)). \"Warm\" is the first sample after the warm-up ({warmup.TotalMinutes:0.#} min of load) and at least a minute after the process started; the slope is over the samples from then on. Of the last sample: anonymous memory (the GC heap, malloc's arenas, stacks), mapped files (assemblies, libraries) and shared memory (the runtime maps its JIT-compiled code through a memfd):").AppendLine();
        md.AppendLine("| process start | samples | first MB | warm MB | last MB | max MB | slope from warm, MB/min | last: anonymous MB | files MB | shared (code) MB |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => s.Start))
        {
            var list = group.ToList();
            var warm = Warm(list, warmup);
            var last = list[^1].Resident;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} | {list.Count} | {Mb(list[0].Bytes):0} | {(warm.Count > 0 ? Mb(warm[0].Bytes).ToString("0", CultureInfo.InvariantCulture) : "–")} | {Mb(last.Bytes):0} | {Mb(list.Max(s => s.Bytes)):0} | {Slope(warm):+0.00;-0.00} | {Mb(last.Anonymous):0} | {Mb(last.Files):0} | {Mb(last.Shared):0} |");
        }
        md.AppendLine();
        if (result.Options.Faults.Count > 0)
            md.AppendLine("No verdict on memory here: the killed bot starts again and warms up again, and the faults' retries come in bursts; the load drill judges it.").AppendLine();
        else if (Growth(samples, warmup) is { } growth)
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Verdict: **{(growth < Statistics.FlatMbPer10Minutes ? "flat" : "growing")}** (the slope from warm would add {growth:0.0} MB over 10 minutes; flat is under {Statistics.FlatMbPer10Minutes:0} MB).")).AppendLine();
    }

    /// <summary>What the bot's last start would grow by over 10 minutes at its slope once warm, when it was warm for 5 minutes or more.</summary>
    public static double? Growth(IReadOnlyList<BotMemorySample> samples, TimeSpan warmup)
    {
        var warm = Warm([.. samples.Where(s => s.Start == samples[^1].Start)], warmup);
        return warm.Count > 0 && warm[^1].At - warm[0].At >= TimeSpan.FromMinutes(5) ? Slope(warm) * 10 : null;
    }

    /// <summary>A start's samples from the end of the warm-up, and at least a minute after the process started (JIT, pools and caches).</summary>
    internal static IReadOnlyList<BotMemorySample> Warm(IReadOnlyList<BotMemorySample> start, TimeSpan warmup) =>
        [.. start.Where(s => s.At >= warmup && s.At - start[0].At >= TimeSpan.FromMinutes(1))];

    /// <summary>Least squares, MB per minute.</summary>
    internal static double Slope(IReadOnlyList<BotMemorySample> samples) =>
        Statistics.Slope([.. samples.Select(s => (s.At.TotalMinutes, Mb(s.Bytes)))]);

    private static string WarmupTitle(FaultRunOptions o) =>
        o.Warmup > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $" after a {o.Warmup.TotalMinutes:0.#}-minute warm-up") : "";

    private static string WarmupNote(FaultRunOptions o) =>
        o.Warmup > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $" (the first {o.Warmup.TotalMinutes:0.#} a warm-up: everything is checked, memory is judged after it)") : "";

    /// <summary>", with `KEY=value` as deployed" for the process settings production gives the bot (none today), or nothing.</summary>
    private static string ProcessSettings()
    {
        var settings = ProductionProcessEnvironment.Read();
        return settings.Count == 0 ? "" : ", with " + string.Join(", ", settings.Select(s => $"`{s.Key}={s.Value}`")) + " as deployed";
    }

    private static string Describe(string fault, TimeSpan outage) => fault switch
    {
        FaultPlan.Azurite => string.Create(CultureInfo.InvariantCulture, $"Azurite stopped (SIGTERM), {outage.TotalSeconds:0} s down, started again"),
        FaultPlan.Throttle => string.Create(CultureInfo.InvariantCulture, $"Bot Connector: every request 429, Retry-After 1, for {outage.TotalSeconds * 1.5:0} s"),
        FaultPlan.BadGateway => string.Create(CultureInfo.InvariantCulture, $"Bot Connector: 60 % of requests 502 for {outage.TotalSeconds * 1.5:0} s"),
        FaultPlan.Kill => "the bot killed (SIGKILL) mid-turn, started again",
        FaultPlan.Postgres => string.Create(CultureInfo.InvariantCulture, $"PostgreSQL stopped (fast shutdown) under Hangfire, {outage.TotalSeconds:0} s down, started again"),
        _ => fault,
    };

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s");

    private static string Ms(double[] sorted, double p) =>
        sorted.Length == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{Statistics.NearestRank(sorted, p):0} ms");

    private static double Mb(long bytes) => bytes / 1048576.0;
}
