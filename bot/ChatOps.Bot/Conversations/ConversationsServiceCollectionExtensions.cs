using ChatOps.Bot.Conversations.CardActions;
using ChatOps.Bot.Conversations.Commands;
using ChatOps.Bot.Conversations.IncidentChannels;
using ChatOps.Bot.Conversations.Lifecycle;
using ChatOps.Bot.Telemetry;
using ChatOps.Cards.Adaptive;

namespace ChatOps.Bot.Conversations;

internal static class ConversationsServiceCollectionExtensions
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddChatOpsMetrics();
        // Scoped per turn: handlers reach the typed connector client, which must not outlive its handler rotation.
        services.AddScoped<TurnRouter>();
        services.AddScoped<CommandRouter>();
        services.AddSingleton<CommandCatalog>();
        services.AddScoped<CardActionRouter>();
        services.AddScoped<InstallationEvents>();
        services.AddSingleton<CardUpdates>();
        services.AddHostedService(sp => sp.GetRequiredService<CardUpdates>());

        services.AddCommand<HelpCommand>("help", "帮助", "?", "？");
        services.AddCommand<DeclareCommand>("declare", "宣布事件", "宣布");
        services.AddScoped<IncidentChannelRouter>();
        services.AddIncidentCommand<StatusCommand>("status", "状态");
        services.AddIncidentCommand<AckCommand>("ack", "确认");
        services.AddIncidentCommand<AssignCommand>("assign", "指派");
        services.AddIncidentCommand<NoteCommand>("note", "备注");
        services.AddIncidentCommand<PhaseCommand>("phase", "阶段");
        services.AddIncidentCommand<RolesCommand>("roles", "角色");
        services.AddIncidentCommand<VerifyCommand>("verify", "校验");
        services.AddIncidentCommand<DeliverCommand>("deliver", "交付");
        services.AddIncidentCommand<EvidenceCommand>("evidence", "证据");

        services.AddCardAction<ShowHelp, ShowHelpAction>();
        services.AddCardAction<DeclareIncident, DeclareIncidentAction>();
        services.AddScoped<DeclareIncidentAction>();
        services.AddCardAction<SetPointStatus, SetPointStatusAction>();
        services.AddCardAction<AdvancePhase, AdvancePhaseAction>();
        services.AddCardAction<AddEvidence, AddEvidenceAction>();
        return services;
    }

    internal static void AddCommand<T>(this IServiceCollection services, string name, params string[] aliases) where T : class, ICommand
    {
        services.AddScoped<T>();
        services.AddSingleton(new CommandRegistration(name, aliases, typeof(T)));
    }

    internal static void AddIncidentCommand<T>(this IServiceCollection services, string name, params string[] aliases) where T : class, IIncidentCommand
    {
        services.AddScoped<T>();
        services.AddSingleton(new IncidentCommandRegistration(name, aliases, typeof(T)));
    }

    internal static void AddCardAction<TVerb, THandler>(this IServiceCollection services)
        where TVerb : CardVerb
        where THandler : class, ICardAction<TVerb>
    {
        services.AddScoped<ICardAction<TVerb>, THandler>();
        services.AddSingleton(new CardActionRegistration(typeof(TVerb),
            (sp, turn, verb, ct) => sp.GetRequiredService<ICardAction<TVerb>>().HandleAsync(turn, (TVerb)verb, ct)));
    }
}
