using System.Diagnostics;

namespace ChatOps.Benchmarks.Load;

/// <summary>One scenario at one connection count: successful answers per second, latency percentiles, failures.</summary>
internal sealed record LoadResult(
    string Scenario,
    int Connections,
    int Answered,
    double RequestsPerSecond,
    double MeanMs,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorsByKind)
{
    /// <summary>Requests the fake connector received during the whole run (warm-up included): one per answered help turn.</summary>
    public int ConnectorPosts { get; init; }

    /// <summary>For the bot-stages scenario: mean time per call of each timed stage.</summary>
    public IReadOnlyList<(string Stage, long Calls, double MeanMs)> Stages { get; init; } = [];

    public static LoadResult From(string scenario, int connections, TimeSpan window, IReadOnlyList<WorkerSamples> samples)
    {
        var latencies = samples.SelectMany(s => s.Latencies).ToArray();
        Array.Sort(latencies);
        var errors = samples.SelectMany(s => s.Failures)
            .GroupBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Value), StringComparer.Ordinal);
        return new LoadResult(
            scenario,
            connections,
            latencies.Length,
            latencies.Length / window.TotalSeconds,
            latencies.Length == 0 ? double.NaN : Ms((long)latencies.Average()),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? double.NaN : Ms(latencies[^1]),
            errors.Values.Sum(),
            errors);
    }

    /// <summary>Nearest-rank percentile of sorted Stopwatch ticks, in milliseconds.</summary>
    private static double Percentile(long[] sorted, double p) => sorted.Length == 0 ? double.NaN : Ms(Statistics.NearestRank(sorted, p));

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
