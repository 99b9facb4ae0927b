using ChatOps.Bot.Settings;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Teams;
using ChatOps.Bot.Telemetry;
using ChatOps.Incidents.Clients;

namespace ChatOps.Bot.Incidents;

internal static class IncidentsServiceCollectionExtensions
{
    /// <summary>Playbooks and clients, loaded and checked at start.</summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<IncidentsOptions>(configuration, IncidentsOptions.Section);
        services.AddChatOpsMetrics();
        services.AddSingleton<PlaybookCatalog>();
        services.AddSingleton<SlaCatalog>();
        services.AddScoped<ChatOps.Bot.Sla.SlaReminders>();
        services.AddScoped<ChatOps.Incidents.Deadlines.IDeadlineHandler, ChatOps.Bot.Sla.SlaThresholdHandler>();
        services.AddSingleton<ChatOps.Incidents.Deadlines.IDeadlineSource, OpenIncidentDeadlines>();
        services.AddSingleton<IIncidentDeadlines, ChatOps.Bot.Sla.SlaThresholdDeadlines>();
        services.AddSingleton<IClientDirectory, TableClientDirectory>();
        services.AddHostedService<CatalogStartup>();
        services.AddSingleton<DeclarationCheck>();
        services.AddScoped<IncidentOpener>();
        services.AddScoped<ChecklistChanges>();
        services.AddSingleton<IncidentWriter>();
        services.AddSettings<GraphOptions>(configuration, GraphOptions.Section);
        services.AddSingleton<GraphTokens>();
        services.AddHttpClient<GraphChannelProvisioner>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<IChannelProvisioner, ChannelProvisioner>();
        services.AddRetryingGraphClient<GraphChannelArchive>();
        services.AddScoped<IChannelArchive, ChannelArchive>();
        services.AddRetryingGraphClient<GraphChannelCount>();
        services.AddSingleton<ChannelLimitWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<ChannelLimitWatch>());
        return services;
    }
}
