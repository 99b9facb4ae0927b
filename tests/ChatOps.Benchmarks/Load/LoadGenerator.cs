using System.Diagnostics;

namespace ChatOps.Benchmarks.Load;

/// <summary>
/// Closed-loop load on loopback: N connections, each sending its next request as soon as the last
/// one is answered; a warm-up whose requests are not counted, then a measured window. A run is
/// bounded in time (warm-up + window + at most two request timeouts) and in count, and stops by itself.
/// </summary>
/// <param name="nextRequest">Makes each request for an endpoint (e.g. <see cref="SignedActivities.NextRequest(Uri)"/>).</param>
internal sealed class LoadGenerator(Func<Uri, HttpRequestMessage> nextRequest)
{
    private const int MaxRequestsPerConnection = 1_000_000;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <param name="window">Called as the measured window opens and as it closes (e.g. to reset and read stage clocks).</param>
    public async Task<WorkerSamples[]> RunAsync(Uri endpoint, int connections, TimeSpan warmup, TimeSpan duration, (Action Opened, Action Closed)? window = null)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        };
        using var client = new HttpClient(handler) { Timeout = RequestTimeout };
        using var stop = new CancellationTokenSource(warmup + duration + RequestTimeout + RequestTimeout);
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var workers = Enumerable.Range(0, connections)
            .Select(_ => Task.Run(() => WorkAsync(client, endpoint, measureFrom, measureTo, stop.Token)))
            .ToArray();
        var hooks = window is { } w
            ? Task.Run(async () => { await Task.Delay(warmup); w.Opened(); await Task.Delay(duration); w.Closed(); })
            : Task.CompletedTask;
        var samples = await Task.WhenAll(workers);
        await hooks;
        return samples;
    }

    private async Task<WorkerSamples> WorkAsync(HttpClient client, Uri endpoint, long measureFrom, long measureTo, CancellationToken stop)
    {
        var samples = new WorkerSamples();
        for (var sent = 0; sent < MaxRequestsPerConnection && !stop.IsCancellationRequested; sent++)
        {
            var start = Stopwatch.GetTimestamp();
            if (start >= measureTo)
                break;
            string? failure;
            try
            {
                using var request = nextRequest(endpoint);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, stop);
                failure = response.IsSuccessStatusCode ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failure = e.GetType().Name;
            }
            var end = Stopwatch.GetTimestamp();
            // Only requests sent and answered inside the window count; warm-up and stragglers do not.
            if (start < measureFrom || end > measureTo)
                continue;
            if (failure is null)
                samples.Latencies.Add(end - start);
            else
                samples.Failures[failure] = samples.Failures.GetValueOrDefault(failure) + 1;
        }
        return samples;
    }
}

/// <summary>What one connection saw in the measured window: latencies of answered requests (Stopwatch ticks) and failures by kind.</summary>
internal sealed class WorkerSamples
{
    public List<long> Latencies { get; } = new(16_384);

    public Dictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);
}
