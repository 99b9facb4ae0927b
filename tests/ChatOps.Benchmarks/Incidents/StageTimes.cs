using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>Calls and total time per named stage, counted only while a measured window is open.</summary>
internal sealed class StageTimes
{
    public const string Request = "whole request inside Kestrel";
    private readonly ConcurrentDictionary<string, long[]> _stages = new(StringComparer.Ordinal);
    private volatile bool _running;

    public void Start()
    {
        _stages.Clear();
        _running = true;
    }

    public void Stop() => _running = false;

    /// <summary>Stage → (calls, mean ms per call), busiest first.</summary>
    public IReadOnlyList<StageTime> Read() =>
        [.. _stages.Select(s => new StageTime(s.Key, Volatile.Read(ref s.Value[0]), Volatile.Read(ref s.Value[1]) * 1000.0 / Stopwatch.Frequency))
            .OrderByDescending(s => s.TotalMs)];

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            Add(stage, Stopwatch.GetTimestamp() - start);
        }
    }

    public async Task TimeAsync(string stage, Func<Task> call) =>
        await TimeAsync(stage, async () => { await call(); return 0; });

    private void Add(string stage, long ticks)
    {
        if (!_running)
            return;
        var totals = _stages.GetOrAdd(stage, _ => new long[2]);
        Interlocked.Increment(ref totals[0]);
        Interlocked.Add(ref totals[1], ticks);
    }
}

/// <summary>One stage over a measured window: how often it ran and how long in all.</summary>
internal sealed record StageTime(string Stage, long Calls, double TotalMs)
{
    public double MeanMs => Calls == 0 ? 0 : TotalMs / Calls;
}
