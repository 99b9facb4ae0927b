using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Telemetry;

/// <summary>An exporter without its destination fails at start, naming the missing setting (never echoing a connection string).</summary>
internal sealed class TelemetryStartupCheck : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options) => options.Exporter switch
    {
        TelemetryExporter.Otlp when options.OtlpEndpoint is null =>
            ValidateOptionsResult.Fail($"{TelemetryOptions.Section}:OtlpEndpoint is required when {TelemetryOptions.Section}:Exporter is Otlp (e.g. http://otel-collector:4317)."),
        TelemetryExporter.Otlp when !options.OtlpEndpoint.IsAbsoluteUri || options.OtlpEndpoint.Scheme is not ("http" or "https") =>
            ValidateOptionsResult.Fail($"{TelemetryOptions.Section}:OtlpEndpoint must be an absolute http or https URI."),
        TelemetryExporter.AzureMonitor when string.IsNullOrWhiteSpace(options.AzureMonitorConnectionString) =>
            ValidateOptionsResult.Fail($"{TelemetryOptions.ConnectionStringSetting} is required when {TelemetryOptions.Section}:Exporter is AzureMonitor."),
        TelemetryExporter.AzureMonitor when !IsConnectionString(options.AzureMonitorConnectionString) =>
            ValidateOptionsResult.Fail($"{TelemetryOptions.ConnectionStringSetting} is not an Application Insights connection string (it has no InstrumentationKey)."),
        _ => ValidateOptionsResult.Success,
    };

    /// <summary>Application Insights' connection strings name their resource by InstrumentationKey (the exporter requires it).</summary>
    public static bool IsConnectionString(string? value) => value?.Contains("InstrumentationKey=", StringComparison.OrdinalIgnoreCase) == true;
}
