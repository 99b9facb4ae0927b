using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>
/// The incidents section of RESULTS.md, between its own markers after the load section's notes (which the load
/// command keeps); hand-written notes after the end marker are kept when this section is rewritten.
/// </summary>
internal sealed class IncidentsReport(IncidentsOptions options, IReadOnlyList<string> args, TimeProvider time)
{
    public const double DeclareP99TargetMs = 200;
    public const double ClickP99TargetMs = 50;
    private const string Begin = "<!-- Incidents benchmark: from here to the end marker, rewritten by the incidents command. -->";
    private const string End = "<!-- Incidents benchmark: end. Notes below are written by hand and kept. -->";
    private readonly StringBuilder _md = new();

    public List<DeclareResult> Declares { get; } = [];

    public List<DeclareResult> OpenDeclares { get; } = [];

    public List<ClickResult> Clicks { get; } = [];

    public SoakResult? Soak { get; set; }

    public double SeedSeconds { get; set; }

    public int GraphChannels { get; set; }

    public string Render()
    {
        var gc = GCSettings.IsServerGC ? "server" : "workstation";
        Line("# Incident lifecycle benchmark: declare, checklist click, memory soak").Line();
        Line(string.Create(CultureInfo.InvariantCulture, $"Measured {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC on a {Environment.ProcessorCount}-core machine ({RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {gc} GC)."));
        Line("One process holds the load generator, the bot (its real Program on Kestrel, auth on, Development with the `contoso` client), the fake OpenID issuer, " +
             "the fake Bot Connector (Teams) and a fake Graph; Azurite (tables) runs in its own Node process. All share 2 cores with other work: noisy, compare within one run.").Line();
        Line("```").Line("dotnet run -c Release --project tests/ChatOps.Benchmarks -- incidents" + string.Concat(args.Select(a => " " + a))).Line("```").Line();
        Line(string.Create(CultureInfo.InvariantCulture,
            $"Per part and load: {options.Warmup.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s measured ({options.OpenDuration.TotalSeconds:0} s per open-loop rate); latency from sending the POST to reading the whole answer. Graph channels created: {GraphChannels} (contoso has a configured channel)."))
            .Line();
        Line("The bot keeps Teams' documented rate limits on its connector client (per conversation 7 sends/s, 60/30 s; per app 30 requests/s), queueing what would exceed them. " +
             "A declare makes 3 connector requests and a click 1, so with limits on the bot cannot exceed ~10 declares/s or ~30 clicks/s, and a closed loop beyond that measures the queue. " +
             "Rows with limits off come from a second, identical bot whose connector client has no RateLimitHandler: the bot's own cost. Every declaration comes from its own personal chat.").Line();
        if (Declares.Count > 0)
        {
            Line($"**Declare → all posts sent** (`declare P2 webshell client=contoso \"…\"` in a personal chat; the answer comes after the incident is stored, the thread created with `POST v3/conversations`, the checklist posted and the confirmation sent). Target p99 < {DeclareP99TargetMs:0} ms.").Line();
            if (OpenDeclares.Count > 0)
            {
                Line("Open loop, the bot as shipped: declarations arrive at random (Poisson) at the offered rate, each in its own personal chat, " +
                     "whether or not earlier ones are answered; latency counts from each one's scheduled arrival. The rates stay below Teams' 30 requests/s per app (3 per declare), " +
                     "where the bot's latency, not Teams' queue, is what a declarer waits for.").Line();
                Table(OpenDeclares.Select(d => (d.Loop, d.RateLimits, $"{d.Incidents.Count}/{d.Sent}")), "verified at the connector", DeclareP99TargetMs);
            }
            Line("Closed loop (each connection declares again as soon as it is answered): with limits on, this saturates Teams' per-app limit and measures its queue; with limits off, the bot's own cost at full speed.").Line();
            Table(Declares.Select(d => (d.Loop, d.RateLimits, $"{d.Incidents.Count}/{d.Sent}")), "verified at the connector", DeclareP99TargetMs);
            foreach (var d in OpenDeclares.Concat(Declares))
                Stages(d.Loop, d.RateLimits, "declare");
        }
        if (Clicks.Count > 0)
        {
            Line($"**Checklist click** (`adaptiveCard/action`, verb `checklist.set`, CP-01/CP-03/CP-04 round Open → InProgress → Done → Open, each worker on its own incidents; the answer is the updated card, after the state is stored and the channel's card PUT). Target p99 < {ClickP99TargetMs:0} ms.").Line();
            Table(Clicks.Select(c => (c.Loop, c.RateLimits, c.CardUpdates.ToString(CultureInfo.InvariantCulture))), "card updates (PUT) at the connector", ClickP99TargetMs);
            foreach (var c in Clicks)
                Stages(c.Loop, c.RateLimits, "click");
        }
        if (Soak is { } soak)
            new SoakReport(soak, options, SeedSeconds).AppendTo(_md);
        return _md.ToString();
    }

    public static Task WriteAsync(string path, string section) => new ResultsSection(Begin, End).WriteAsync(path, section);

    private void Table(IEnumerable<(LoopResult Loop, bool RateLimits, string Check)> rows, string check, double target)
    {
        Line($"| Teams rate limits | load | answered per s | p50 ms | p99 ms | max ms | stale | failures | {check} | p99 target |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (r, limits, c) in rows)
            Line(string.Create(CultureInfo.InvariantCulture, $"| {(limits ? "on (the bot as shipped)" : "off")} | {r.Load} | {r.PerSecond:0.0} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | {r.MaxMs:0} | {r.Stale} | {r.FailureText} | {c} | {(r.P99Ms < target ? "met" : "**missed**")} |"));
        Line();
    }

    private void Stages(LoopResult r, bool rateLimits, string what)
    {
        var turns = Math.Max(1, r.Answered + r.Stale + r.FailureCount);
        Line(string.Create(CultureInfo.InvariantCulture, $"Where a {what} turn's time goes at {r.Load}, rate limits {(rateLimits ? "on" : "off")} (stopwatches on the bot's ports; the generator saw {r.MeanMs:0.0} ms mean):")).Line();
        Line("| stage | calls per turn | mean ms per call | ms per turn |").Line("|---|---:|---:|---:|");
        foreach (var s in r.Stages)
            Line(string.Create(CultureInfo.InvariantCulture, $"| {s.Stage} | {(double)s.Calls / turns:0.00} | {s.MeanMs:0.00} | {s.TotalMs / turns:0.00} |"));
        var request = r.Stages.FirstOrDefault(s => s.Stage == StageTimes.Request);
        if (request is not null)
        {
            var io = r.Stages.Where(s => s.Stage != StageTimes.Request).Sum(s => s.TotalMs) / turns;
            Line(string.Create(CultureInfo.InvariantCulture, $"| the rest: auth, parse, routing, cards, JSON, waiting for a thread | | | {request.TotalMs / turns - io:0.00} |"));
        }
        Line();
    }

    private IncidentsReport Line(string text = "")
    {
        _md.AppendLine(text);
        return this;
    }
}
