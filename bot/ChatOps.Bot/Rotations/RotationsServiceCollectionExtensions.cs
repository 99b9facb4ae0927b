using ChatOps.Bot.Conversations;
using ChatOps.Bot.Settings;
using ChatOps.Bot.Storage;
using ChatOps.Incidents.Rotations;

namespace ChatOps.Bot.Rotations;

internal static class RotationsServiceCollectionExtensions
{
    /// <summary>On-call rotations and escalation policies: the file checked at start, the table, and oncall / override in chat.</summary>
    public static IServiceCollection AddRotations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RotationsOptions>(configuration, RotationsOptions.Section);
        services.AddSingleton<IRotationStore, TableRotationStore>();
        services.AddHostedService<RotationStartup>();
        // Both work in a personal chat and, by @mention, in an incident's channel.
        services.AddCommand<OnCallCommand>("oncall", "值班");
        services.AddIncidentCommand<OnCallCommand>("oncall", "值班");
        services.AddCommand<OverrideCommand>("override", "代班");
        services.AddIncidentCommand<OverrideCommand>("override", "代班");
        return services;
    }
}
