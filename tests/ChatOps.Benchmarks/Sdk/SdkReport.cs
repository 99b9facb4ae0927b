using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using ChatOps.Benchmarks.Load;

namespace ChatOps.Benchmarks.Sdk;

/// <summary>
/// The sdk section of RESULTS.md, between its own markers (the load command keeps everything after its notes
/// marker, so this section survives it); hand-written notes after the end marker are kept when it is rewritten.
/// </summary>
internal sealed class SdkReport(SdkOptions options, IReadOnlyList<string> args, TimeProvider time)
{
    public const double ThroughputTarget = 3.0;
    public const double P99Target = 1.0 / 3;
    private const string Begin = "<!-- SDK benchmark: from here to the end marker, rewritten by the sdk command. -->";
    private const string End = "<!-- SDK benchmark: end. Notes below are written by hand and kept. -->";

    public List<TargetCheck> Checks { get; } = [];

    public List<LoadResult> Results { get; } = [];

    /// <summary>Per target and connection count: CPU of the Node process and of this process while measured, in cores.</summary>
    public Dictionary<(string Target, int Connections), (double Peer, double Self)> Cpu { get; } = [];

    public string PeerVersions { get; set; } = "";

    public string LoadBefore { get; init; } = "";

    public string LoadAfter { get; set; } = "";

    public static string Line(LoadResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Scenario,-12} {r.Connections,3} conn: {r.RequestsPerSecond,6:0} req/s  p50 {r.P50Ms,6:0.0} ms  p99 {r.P99Ms,6:0.0} ms  max {r.MaxMs,5:0} ms  errors {r.Errors}{Kinds(r)}");

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), for the record.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public string Render()
    {
        var md = new StringBuilder();
        var gc = GCSettings.IsServerGC ? "server" : "workstation";
        md.AppendLine("# Against the official framework: one card click, our bot and the Bot Framework SDK for JavaScript (issue 9)").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Measured {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC on a {Environment.ProcessorCount}-core machine ({RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {gc} GC; peer on {PeerVersions}); load average (1, 5, 15 min) {LoadBefore} before the run, {LoadAfter} after.");
        md.AppendLine("One process holds the load generator, our bot's hosts and the fake OpenID issuer; the peer runs in its own Node process (one JavaScript thread, as the SDK's samples run it), Azurite in another. " +
            "All share the 2 cores with whatever else runs: noisy, compare rows only within one run.").AppendLine();
        md.AppendLine("```").AppendLine(string.Join(' ', new[] { "dotnet run -c Release --project tests/ChatOps.Benchmarks -- sdk" }.Concat(args))).AppendLine("```").AppendLine();
        md.AppendLine("The work: Teams' `adaptiveCard/action` invoke for the help card's language switch (verb `help.show`), answered in the HTTP body with " +
            "`{statusCode: 200, type: application/vnd.microsoft.card.adaptive, value: card}`. Auth on for both against **one** local OpenID metadata server " +
            "(the tests' FakeOpenIdIssuer: RS256, JWKS key endorsed for `msteams`); the token (aud = the app id, iss = https://api.botframework.com, `serviceurl` = the activity's) " +
            "is signed once before the load and sent with every request, as Teams reuses its token; every click has a fresh activity id.").AppendLine();
        md.Append("Same closed-loop generator (`LoadGenerator`) for all; per connection count fresh hosts, each checked first, a 1 s settling run each, then ");
        md.Append(CultureInfo.InvariantCulture, $"{options.Rounds} interleaved rounds (targets in turn, alternate rounds reversed) of {options.Warmup.TotalSeconds:0.#} s unmeasured warm-up + ");
        md.Append(CultureInfo.InvariantCulture, $"{options.Duration.TotalSeconds / options.Rounds:0.#} s measured, {options.Duration.TotalSeconds:0} s measured per target in all. ");
        md.AppendLine("req/s counts 2xx answers; latency is from sending to reading the whole answer; errors are non-2xx answers and failed requests.").AppendLine();
        foreach (var target in options.Targets)
            md.AppendLine(CultureInfo.InvariantCulture, $"- `{target}`: {SdkTargets.Describe(target)}.");
        md.AppendLine();
        AppendChecks(md);
        md.AppendLine("CPU columns: cores used while the target's windows were measured, by the peer's Node process and by this process (the load generator, plus our bot when it is the target).").AppendLine();
        md.AppendLine("| target | connections | req/s | p50 ms | p99 ms | max ms | errors | CPU: Node | CPU: this process |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Results.OrderBy(r => r.Connections).ThenBy(r => Array.IndexOf(SdkTargets.All, r.Scenario)))
        {
            var (peer, self) = Cpu.GetValueOrDefault((r.Scenario, r.Connections), (double.NaN, double.NaN));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Connections} | {r.RequestsPerSecond:0} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | {r.MaxMs:0} | {r.Errors}{Kinds(r)} | {peer:0.00} | {self:0.00} |");
        }
        md.AppendLine();
        AppendRatios(md);
        return md.ToString();
    }

    public static Task WriteAsync(string path, string section) => new ResultsSection(Begin, End).WriteAsync(path, section);

    private void AppendChecks(StringBuilder md)
    {
        md.AppendLine("Checked before the load (last connection count's hosts): the click, and the same click with forged tokens whose claims are otherwise valid.").AppendLine();
        var forgeries = Checks.SelectMany(c => c.Forged.Select(f => f.Forgery)).Distinct().ToList();
        md.AppendLine("| target | click | answer bytes | card body elements | " + string.Join(" | ", forgeries) + " |");
        md.AppendLine("|---|---:|---:|---:|" + string.Concat(forgeries.Select(_ => "---:|")));
        foreach (var c in Checks)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Target} | {c.Status} | {c.BodyBytes} | {c.CardElements} | {string.Join(" | ", c.Forged.Select(f => f.Status))} |");
        md.AppendLine();
    }

    private void AppendRatios(StringBuilder md)
    {
        var rows = from ours in Results
                   where ours.Scenario != SdkTargets.Peer
                   join peer in Results.Where(r => r.Scenario == SdkTargets.Peer) on ours.Connections equals peer.Connections
                   orderby ours.Connections, Array.IndexOf(SdkTargets.All, ours.Scenario)
                   select (ours, peer);
        md.AppendLine(CultureInfo.InvariantCulture, $"| ratio | connections | throughput ratio (target ≥ {ThroughputTarget:0}×) | p99 ratio (target ≤ ⅓ = {P99Target:0.00}×) |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var (ours, peer) in rows)
        {
            var throughput = ours.RequestsPerSecond / peer.RequestsPerSecond;
            var p99 = ours.P99Ms / peer.P99Ms;
            var judged = ours.Scenario == SdkTargets.Ours;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {ours.Scenario} / {peer.Scenario} | {ours.Connections} | {throughput:0.00}×{Verdict(judged, throughput >= ThroughputTarget)} | {p99:0.00}×{Verdict(judged, p99 <= P99Target)} |");
        }
        md.AppendLine();
        md.AppendLine("Only `ours / botbuilder` is judged against the target (same work); `ours-dedup / botbuilder` is context: our product path does the de-duplication botbuilder does not.").AppendLine();
    }

    private static string Verdict(bool judged, bool met) => judged ? (met ? " met" : " **missed**") : "";

    private static string Kinds(LoadResult r) =>
        r.Errors == 0 ? "" : " (" + string.Join(", ", r.ErrorsByKind.Select(e => $"{e.Key}×{e.Value}")) + ")";
}
