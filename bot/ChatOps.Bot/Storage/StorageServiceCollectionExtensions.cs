using ChatOps.Bot.Protocol.Deduplication;
using ChatOps.Bot.Settings;
using ChatOps.Bot.Telemetry;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>Azure Tables and Blob (Azurite locally) behind the domain's and the protocol's ports.</summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<StorageOptions>(configuration, StorageOptions.Section);
        services.AddChatOpsMetrics();
        services.AddSingleton<Tables>();
        services.AddSingleton<IProcessedActivities, TableProcessedActivities>();
        services.AddSingleton<IncidentIdCounter>();
        services.AddSingleton<TableIncidentStore>();
        // The store schedules the SLA thresholds a stored change implies (see SchedulingIncidentStore).
        services.AddSingleton<IIncidentStore>(sp => ActivatorUtilities.CreateInstance<ChatOps.Bot.Sla.SchedulingIncidentStore>(sp, sp.GetRequiredService<TableIncidentStore>()));
        services.AddSingleton<BlobExportStore>();
        services.AddSingleton<IExportStore>(sp => sp.GetRequiredService<BlobExportStore>());
        services.AddHealthChecks()
            .AddCheck<ChatOps.Bot.Health.TablesHealthCheck>("tables", tags: [ChatOps.Bot.Health.HealthEndpoints.Ready])
            .AddCheck<ChatOps.Bot.Health.BlobHealthCheck>("blob", tags: [ChatOps.Bot.Health.HealthEndpoints.Ready]);
        services.AddSingleton<IDeadlineFirings, TableDeadlineFirings>();
        return services;
    }
}
