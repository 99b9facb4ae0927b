using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChatOps.Bot.Telemetry;
using ChatOps.Incidents.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Telemetry;

/// <summary>
/// Records what one host's ChatOps meter measures: only the meter its IMeterFactory made, so hosts of other tests
/// running at the same time cannot add to what a test counts.
/// </summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Recorded> _recorded = new();

    public MetricRecorder(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ChatOpsTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, scope))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    public MetricRecorder(IServiceProvider host) : this(host.GetRequiredService<IMeterFactory>())
    {
    }

    public IReadOnlyList<Recorded> Of(string instrument) => [.. _recorded.Where(r => r.Instrument == instrument)];

    /// <summary>Waits (bounded) for a measurement: some are made after the HTTP answer (a background job, a card update).</summary>
    public async Task<Recorded> WaitForAsync(string instrument, Func<Recorded, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Of(instrument).FirstOrDefault(match) is { } found)
                return found;
            try
            {
                await Task.Delay(20, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching {instrument}; saw: {string.Join("; ", _recorded.Select(r => r.ToString()))}");
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, tag) in tags)
            copy[key] = tag;
        _recorded.Enqueue(new Recorded(instrument.Name, value, copy));
    }
}

internal sealed record Recorded(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? this[string tag] => Tags.GetValueOrDefault(tag);

    public override string ToString() => $"{Instrument}={Value} {{{string.Join(", ", Tags.Select(t => $"{t.Key}={t.Value}"))}}}";
}

/// <summary>Instruments on a meter factory of their own, for code built without a host.</summary>
internal static class TestMetrics
{
    public static IMeterFactory NewFactory() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static ChatOpsMetrics New() => new(NewFactory());
}
