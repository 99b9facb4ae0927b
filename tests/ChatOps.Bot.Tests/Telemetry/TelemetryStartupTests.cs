using ChatOps.Bot.Tests.Hosting;
using ChatOps.Testing;

namespace ChatOps.Bot.Tests.Telemetry;

public sealed class TelemetryStartupTests
{
    [Theory]
    [InlineData("None")]
    [InlineData("Console")]
    [InlineData("AzureMonitor")]
    public async Task The_host_starts_with_each_exporter(string exporter)
    {
        var settings = StartupHost.CompleteProductionSettings();
        settings["Telemetry:Exporter"] = exporter;
        // Nothing listens there: only that the exporter is built and the host runs is tested here.
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

        await StartupHost.StartAndStopAsync("Production", settings);
    }

    [Fact]
    public async Task With_Otlp_the_host_exports_its_metrics_to_the_collector_by_the_end()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        var settings = StartupHost.CompleteProductionSettings();
        settings["Telemetry:Exporter"] = "Otlp";
        settings["Telemetry:OtlpEndpoint"] = collector.BaseUrl.AbsoluteUri;
        settings["Telemetry:OtlpProtocol"] = "HttpProtobuf";

        await StartupHost.StartAndStopAsync("Production", settings);

        // Stopping flushes: the runtime's metrics at least reach /v1/metrics, with the service's name.
        Assert.Contains(collector.Exports, e => e.Signal == "metrics" && e.Body.AsSpan().IndexOf("chatops-bot"u8) >= 0);
    }

    [Theory]
    [InlineData("Otlp", null, null, "Telemetry:OtlpEndpoint is required")]
    [InlineData("Otlp", "collector:4317", null, "Telemetry:OtlpEndpoint must be an absolute http or https URI")]
    [InlineData("AzureMonitor", null, null, "APPLICATIONINSIGHTS_CONNECTION_STRING is required")]
    [InlineData("AzureMonitor", null, "Endpoint=https://secret.example/;Key=hush", "APPLICATIONINSIGHTS_CONNECTION_STRING is not an Application Insights connection string")]
    [InlineData("Jaeger", null, null, "Telemetry:Exporter")]
    public async Task A_bad_telemetry_setting_stops_the_start_naming_the_key_and_never_echoing_a_connection_string(
        string exporter, string? endpoint, string? connectionString, string named)
    {
        var settings = StartupHost.CompleteProductionSettings();
        settings["Telemetry:Exporter"] = exporter;
        settings["Telemetry:OtlpEndpoint"] = endpoint;
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = connectionString;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartupHost.StartAndStopAsync("Production", settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hush", error.ToString(), StringComparison.Ordinal);
    }
}
