using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>
/// Part 3: clicks and @mention notes against random seeded incidents for the soak's length, while the process
/// (bot, fakes and load generator: one process) is sampled every 10 s. The fake connector's log is cleared
/// at each sample so that what it records does not pass for the bot's growth.
/// </summary>
internal static class SoakPart
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    public static async Task<SoakResult> RunAsync(IncidentsBench bench, IReadOnlyDictionary<string, string> threads, int connections, TimeSpan length)
    {
        var ids = threads.Keys.Order(StringComparer.Ordinal).ToArray();
        var clicks = new ClickPart(bench, rateLimits: true, ids);
        bench.Connector.Clear();
        var retainedBefore = Retained();
        var samples = new List<MemorySample>();
        using var done = new CancellationTokenSource();
        var started = Stopwatch.GetTimestamp();
        var sampler = Task.Run(async () =>
        {
            var max = (int)(length / Every) + 3;
            for (var i = 0; i < max && !done.IsCancellationRequested; i++)
            {
                samples.Add(MemorySample.Take(Stopwatch.GetElapsedTime(started)));
                bench.Connector.Clear();
                try
                {
                    await Task.Delay(Every, done.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        var loop = await ClosedLoop.RunAsync(connections, TimeSpan.Zero, length, async (worker, sequence, client, ct) =>
        {
            // Each worker owns the incidents i ≡ worker (mod connections) and picks among them at random.
            var pick = Random.Shared.Next(ids.Length / connections) * connections + worker;
            var incident = ids[Math.Min(pick, ids.Length - 1)];
            if (sequence % 2 == 0)
                return await clicks.ClickAsync(client, incident, sequence % 4 == 0 ? "CP-01" : "CP-03", ct);
            using var request = bench.Activities.Note(bench.Endpoint, threads[incident], $"soak note {sequence}");
            using var response = await client.SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.OK ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }, bench.Stages);
        await done.CancelAsync();
        await sampler;
        bench.Connector.Clear();
        samples.Add(MemorySample.Take(Stopwatch.GetElapsedTime(started)));
        return new SoakResult(loop, samples, retainedBefore, Retained());
    }

    /// <summary>Bytes still reachable after a full blocking, compacting collection.</summary>
    private static long Retained()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>One look at the process: heap size at the last GC, bytes allocated and live now, working set, gen-2 collections so far.</summary>
internal sealed record MemorySample(TimeSpan At, long HeapAfterLastGc, long TotalMemory, long WorkingSet, int Gen2)
{
    public static MemorySample Take(TimeSpan at) =>
        new(at, GC.GetGCMemoryInfo().HeapSizeBytes, GC.GetTotalMemory(forceFullCollection: false), Environment.WorkingSet, GC.CollectionCount(2));
}

/// <param name="RetainedBefore">Live bytes after a full GC just before the soak; <paramref name="RetainedAfter"/> just after.</param>
internal sealed record SoakResult(LoopResult Loop, IReadOnlyList<MemorySample> Samples, long RetainedBefore, long RetainedAfter)
{
    /// <summary>Samples from this point on are past warm-up (tiered JIT, pools, caches): the first 30 s or the first quarter.</summary>
    public TimeSpan WarmUp => TimeSpan.FromSeconds(Math.Min(30, Samples[^1].At.TotalSeconds / 4));

    /// <summary>Least-squares slope after warm-up, in MB per minute.</summary>
    public double Slope(Func<MemorySample, long> value) =>
        Statistics.Slope([.. Samples.Where(s => s.At >= WarmUp).Select(s => (s.At.TotalMinutes, value(s) / 1048576.0))]);
}
