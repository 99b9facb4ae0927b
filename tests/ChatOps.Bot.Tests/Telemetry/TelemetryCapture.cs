using System.Diagnostics;
using System.Text;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Bot.Tests.Protocol.Connector;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatOps.Bot.Tests.Telemetry;

/// <summary>
/// The bot with authentication on, a client secret and a token from a fake Entra, exporting over OTLP to a loopback
/// collector, and everything it says kept: every log line at Trace level, the spans and metrics its providers export,
/// and the bytes the collector received. <see cref="Texts"/> is all of it, for a test to search.
/// </summary>
internal sealed class TelemetryCapture : IAsyncDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];

    private TelemetryCapture(BotHost host, FakeOtlpCollector collector, FakeGraph graph) => (Host, Collector, Graph) = (host, collector, graph);

    public BotHost Host { get; }

    public FakeOtlpCollector Collector { get; }

    public FakeGraph Graph { get; }

    public IReadOnlyList<Activity> Spans { get { lock (_spans) return [.. _spans]; } }

    public IReadOnlyList<MetricSnapshot> Metrics { get { lock (_metrics) return [.. _metrics]; } }

    public static async Task<TelemetryCapture> StartAsync(string clientSecret, string outboundTokenPrefix, IDictionary<string, string?> settings)
    {
        var collector = await FakeOtlpCollector.StartAsync();
        var graph = await FakeGraph.StartAsync();
        var host = new BotHost();
        var capture = new TelemetryCapture(host, collector, graph);
        host.Settings["Telemetry:Exporter"] = "Otlp";
        host.Settings["Telemetry:OtlpEndpoint"] = collector.BaseUrl.AbsoluteUri;
        host.Settings["Telemetry:OtlpProtocol"] = "HttpProtobuf";
        host.Settings["Bot:Connector:Credential"] = "ClientSecret";
        host.Settings["Bot:Connector:ClientSecret"] = clientSecret;
        host.Settings["Graph:BaseUrl"] = graph.GraphBase.AbsoluteUri;
        // An operator who turns every log up to Trace, as a configuration would (the bot's own rules then still apply).
        foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "System.Net.Http.HttpClient", "Hangfire" })
            host.Settings[$"Logging:LogLevel:{category}"] = "Trace";
        foreach (var (key, value) in settings)
            host.Settings[key] = value;
        var entra = new FakeEntra { TokenPrefix = outboundTokenPrefix };
        host.TestServices = s =>
        {
            s.AddLogging(l => l.AddProvider(capture._logs));
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(capture._spans));
            s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(capture._metrics));
            s.AddHttpClient(nameof(ConnectorTokens)).ConfigurePrimaryHttpMessageHandler(() => entra);
        };
        await host.InitializeAsync();
        return capture;
    }

    /// <summary>Flushes every provider, then waits (bounded) until the collector has traces, metrics and logs.</summary>
    public async Task FlushAsync()
    {
        Host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        Host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        Host.Services.GetRequiredService<LoggerProvider>().ForceFlush();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!new[] { "traces", "metrics", "logs" }.All(s => Collector.Exports.Any(e => e.Signal == s)))
            await Task.Delay(50, timeout.Token);
    }

    /// <summary>Each piece of text that left the bot, named by where it was found.</summary>
    public IEnumerable<(string Source, string Text)> Texts()
    {
        foreach (var entry in _logs.Entries)
            yield return ("log", entry);
        foreach (var span in Spans)
            yield return ("span", Describe(span));
        foreach (var metric in Metrics)
            yield return ("metric", Describe(metric));
        foreach (var (signal, body) in Collector.Exports)
            yield return ($"otlp {signal}", Encoding.UTF8.GetString(body));
    }

    private static string Describe(Activity span)
    {
        var text = new StringBuilder($"{span.Source.Name} {span.OperationName} {span.DisplayName} {span.StatusDescription} {span.TraceStateString}");
        foreach (var (key, value) in span.TagObjects)
            text.Append($" | {key}={value}");
        foreach (var e in span.Events)
        {
            text.Append($" | event {e.Name}");
            foreach (var (key, value) in e.Tags)
                text.Append($" {key}={value}");
        }
        foreach (var (key, value) in span.Baggage)
            text.Append($" | baggage {key}={value}");
        return text.ToString();
    }

    private static string Describe(MetricSnapshot metric)
    {
        var text = new StringBuilder($"{metric.MeterName} {metric.Name} {metric.Unit} {metric.Description}");
        foreach (var point in metric.MetricPoints)
        {
            foreach (var (key, value) in point.Tags)
                text.Append($" | {key}={value}");
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Collector.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
