using System.Diagnostics;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>
/// Requests arriving at a fixed mean rate (Poisson: exponential gaps, fixed seed) whether or not earlier ones
/// were answered, as declarations arrive in life. Latency counts from each request's scheduled time, so a
/// generator that falls behind shows up as latency instead of hiding it (no coordinated omission).
/// </summary>
internal static class OpenLoop
{
    private const int Seed = 20261123;
    private const int MaxInFlight = 256;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    public static async Task<LoopResult> RunAsync(double perSecond, TimeSpan warmup, TimeSpan duration, Operation operation, StageTimes stages)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = MaxInFlight, UseProxy = false, UseCookies = false };
        using var client = new HttpClient(handler) { Timeout = RequestTimeout };
        using var stop = new CancellationTokenSource(warmup + duration + RequestTimeout + RequestTimeout);
        var random = new Random(Seed);
        var begin = Stopwatch.GetTimestamp();
        var from = begin + Ticks(warmup.TotalSeconds);
        var to = from + Ticks(duration.TotalSeconds);
        var window = Task.Run(async () => { await Task.Delay(warmup); stages.Start(); await Task.Delay(duration); stages.Stop(); });
        var log = new ClosedLoop.WorkerLog();
        var inFlight = new List<Task>();
        var scheduled = (double)begin;
        for (var sequence = 0L; ; sequence++)
        {
            scheduled += Ticks(-Math.Log(1 - random.NextDouble()) / perSecond);
            var at = (long)scheduled;
            if (at >= to)
                break;
            var wait = at - Stopwatch.GetTimestamp();
            if (wait > 0)
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), stop.Token);
            inFlight.Add(SendAsync(sequence, at));
        }
        await Task.WhenAll(inFlight);
        await window;
        return LoopResult.From(0, duration, [log], stages.Read()) with { OfferedPerSecond = perSecond };

        async Task SendAsync(long sequence, long at)
        {
            string? outcome;
            try
            {
                outcome = await operation(0, sequence, client, stop.Token);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                outcome = e.GetType().Name;
            }
            var end = Stopwatch.GetTimestamp();
            if (at < from || end > to + Ticks(RequestTimeout.TotalSeconds))
                return;
            lock (log)
                log.Record(outcome, end - at);
        }
    }

    private static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);
}
