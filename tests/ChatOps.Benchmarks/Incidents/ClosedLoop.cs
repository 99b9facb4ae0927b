using System.Diagnostics;
using System.Globalization;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>One request of a closed loop: null when answered as hoped, <see cref="ClosedLoop.Stale"/>, or a failure kind.</summary>
internal delegate Task<string?> Operation(int worker, long sequence, HttpClient client, CancellationToken ct);

/// <summary>
/// N workers on loopback, each sending its next request when the last is answered: an uncounted warm-up,
/// then a measured window. Bounded in time (warm-up + window + two request timeouts) and in count.
/// </summary>
internal static class ClosedLoop
{
    public const string Stale = "stale";
    private const int MaxRequestsPerWorker = 1_000_000;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    public static async Task<LoopResult> RunAsync(int connections, TimeSpan warmup, TimeSpan duration, Operation operation, StageTimes stages)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false, UseCookies = false };
        using var client = new HttpClient(handler) { Timeout = RequestTimeout };
        using var stop = new CancellationTokenSource(warmup + duration + RequestTimeout + RequestTimeout);
        var from = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var to = from + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var window = Task.Run(async () => { await Task.Delay(warmup); stages.Start(); await Task.Delay(duration); stages.Stop(); });
        var workers = await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Task.Run(() => WorkAsync(w, client, operation, from, to, stop.Token))));
        await window;
        return LoopResult.From(connections, duration, workers, stages.Read());
    }

    private static async Task<WorkerLog> WorkAsync(int worker, HttpClient client, Operation operation, long from, long to, CancellationToken stop)
    {
        var log = new WorkerLog();
        for (var sent = 0L; sent < MaxRequestsPerWorker && !stop.IsCancellationRequested; sent++)
        {
            var start = Stopwatch.GetTimestamp();
            if (start >= to)
                break;
            string? outcome;
            try
            {
                outcome = await operation(worker, sent, client, stop);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                outcome = e.GetType().Name;
            }
            var end = Stopwatch.GetTimestamp();
            // Only requests sent and answered inside the window count.
            if (start < from || end > to)
                continue;
            log.Record(outcome, end - start);
        }
        return log;
    }

    internal sealed class WorkerLog
    {
        public List<long> Ok { get; } = new(4096);

        public int Stale { get; set; }

        public Dictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

        public void Record(string? outcome, long ticks)
        {
            if (outcome is null)
                Ok.Add(ticks);
            else if (outcome == ClosedLoop.Stale)
                Stale++;
            else
                Failures[outcome] = Failures.GetValueOrDefault(outcome) + 1;
        }
    }
}

/// <summary>What a measured window saw: answered requests' latencies, stale answers, failures, and the stages inside the bot.</summary>
/// <param name="Connections">Closed loop: its workers; 0 for an open loop, which has <see cref="OfferedPerSecond"/> instead.</param>
internal sealed record LoopResult(int Connections, int Answered, double PerSecond, double P50Ms, double P99Ms, double MaxMs, double MeanMs, int Stale,
    IReadOnlyDictionary<string, int> Failures, IReadOnlyList<StageTime> Stages)
{
    public double? OfferedPerSecond { get; init; }

    public string Load => OfferedPerSecond is { } offered
        ? string.Create(CultureInfo.InvariantCulture, $"open {offered:0.#}/s")
        : string.Create(CultureInfo.InvariantCulture, $"{Connections} conn");

    public int FailureCount => Failures.Values.Sum();

    public string FailureText => FailureCount == 0 ? "0" : string.Join(", ", Failures.Select(f => $"{f.Key}×{f.Value}"));

    public static LoopResult From(int connections, TimeSpan window, IReadOnlyList<ClosedLoop.WorkerLog> logs, IReadOnlyList<StageTime> stages)
    {
        var ticks = logs.SelectMany(l => l.Ok).ToArray();
        Array.Sort(ticks);
        var failures = logs.SelectMany(l => l.Failures).GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(f => f.Value), StringComparer.Ordinal);
        return new LoopResult(connections, ticks.Length, ticks.Length / window.TotalSeconds, Percentile(ticks, 0.50), Percentile(ticks, 0.99),
            ticks.Length == 0 ? double.NaN : Ms(ticks[^1]), ticks.Length == 0 ? double.NaN : Ms((long)ticks.Average()), logs.Sum(l => l.Stale), failures, stages);
    }

    public string Line(string part) => string.Create(CultureInfo.InvariantCulture,
        $"{part,-8} {Load,12}: {PerSecond,6:0.0} /s  p50 {P50Ms,6:0.0} ms  p99 {P99Ms,6:0.0} ms  max {MaxMs,6:0} ms  stale {Stale}  failures {FailureText}");

    private static double Percentile(long[] sorted, double p) => sorted.Length == 0 ? double.NaN : Ms(Statistics.NearestRank(sorted, p));

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
