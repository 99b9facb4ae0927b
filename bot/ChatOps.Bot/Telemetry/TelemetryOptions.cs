namespace ChatOps.Bot.Telemetry;

/// <summary>Where traces, metrics and logs go (section Telemetry).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Azure's standard setting for Application Insights: the connection string is read from it, never from the section.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>The collector, e.g. http://otel-collector:4317 (gRPC) or http://otel-collector:4318 (HTTP, the signal's path is added).</summary>
    public Uri? OtlpEndpoint { get; set; }

    public OtlpProtocol OtlpProtocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>From <see cref="ConnectionStringSetting"/>; needed with <see cref="TelemetryExporter.AzureMonitor"/>.</summary>
    public string? AzureMonitorConnectionString { get; internal set; }
}

public enum TelemetryExporter
{
    /// <summary>Nothing is collected: no listener, no cost.</summary>
    None,

    /// <summary>Traces and metrics written to standard output (logs go there already).</summary>
    Console,

    /// <summary>Traces, metrics and logs to an OpenTelemetry collector.</summary>
    Otlp,

    /// <summary>Traces, metrics and logs to Application Insights.</summary>
    AzureMonitor,
}

public enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}
