using Azure.Monitor.OpenTelemetry.Exporter;
using ChatOps.Bot.Settings;
using ChatOps.Incidents.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatOps.Bot.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    public const string ServiceName = "chatops-bot";

    /// <summary>
    /// The bot's instruments, always (they cost nothing unheard), and an OpenTelemetry pipeline to the configured exporter:
    /// the ChatOps spans and meter, ASP.NET Core, HttpClient and runtime instrumentation. With None, no pipeline at all.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<TelemetryOptions>(configuration, TelemetryOptions.Section)
            .Configure(o => o.AzureMonitorConnectionString = configuration[TelemetryOptions.ConnectionStringSetting]);
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryStartupCheck>();
        services.AddChatOpsMetrics();
        services.AddSecretFreeLogging();

        // The exporter decides what to register, so it is read now; a value that does not parse registers nothing here
        // and is reported, with its key, by the options' validation at start.
        var section = configuration.GetSection(TelemetryOptions.Section);
        if (!Enum.TryParse(section[nameof(TelemetryOptions.Exporter)] ?? nameof(TelemetryExporter.None), ignoreCase: true, out TelemetryExporter exporter) ||
            exporter == TelemetryExporter.None)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: ChatOpsTelemetry.Version))
            .WithTracing(t => t
                .AddSource(ChatOpsTelemetry.Name)
                // The platform's probes would be most of the spans and say nothing.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz") && !http.Request.Path.StartsWithSegments("/readyz"))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(ChatOpsTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        switch (exporter)
        {
            case TelemetryExporter.Console:
                telemetry.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter());
                break;
            case TelemetryExporter.Otlp when Uri.TryCreate(section[nameof(TelemetryOptions.OtlpEndpoint)], UriKind.Absolute, out var endpoint):
                var http = Enum.TryParse(section[nameof(TelemetryOptions.OtlpProtocol)], ignoreCase: true, out OtlpProtocol protocol) && protocol == OtlpProtocol.HttpProtobuf;
                telemetry.UseOtlpExporter(http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc, endpoint);
                break;
            case TelemetryExporter.AzureMonitor when configuration[TelemetryOptions.ConnectionStringSetting] is { } connectionString && TelemetryStartupCheck.IsConnectionString(connectionString):
                telemetry.UseAzureMonitorExporter(o => o.ConnectionString = connectionString);
                break;
        }
        return services;
    }

    /// <summary>The instruments alone: every feature that records asks for them, so features composed without AddTelemetry work.</summary>
    public static IServiceCollection AddChatOpsMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<ChatOpsMetrics>();
        return services;
    }

    /// <summary>
    /// Two framework logs that can carry secrets are kept out, whatever the configured levels: HttpClientFactory's request
    /// and response logs (their message redacts header values, their structured values do not: an OpenTelemetry log
    /// exporter would send the bot's bearer tokens), and ASP.NET Core's "Request starting/finished" lines, which print the
    /// raw query string. The HttpClient and ASP.NET Core spans and metrics say the same, with queries redacted.
    /// </summary>
    public static IServiceCollection AddSecretFreeLogging(this IServiceCollection services)
    {
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        services.AddLogging(l => l.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", level => level >= LogLevel.Warning));
        return services;
    }
}
