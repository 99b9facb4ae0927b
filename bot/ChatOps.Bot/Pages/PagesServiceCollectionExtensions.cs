using ChatOps.Bot.Conversations;
using ChatOps.Bot.Teams;
using ChatOps.Bot.Telemetry;
using ChatOps.Cards.Adaptive;

namespace ChatOps.Bot.Pages;

internal static class PagesServiceCollectionExtensions
{
    /// <summary>Pages: the pager (1:1 with an alert, channel, activity feed), <c>page</c>, and the Ack button.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddChatOpsMetrics();
        services.AddHttpClient<IActivityFeed, GraphActivityFeed>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<Pager>();
        services.AddScoped<PolicyPager>();
        services.AddScoped<ChatOps.Incidents.Deadlines.IDeadlineHandler, PageEscalationHandler>();
        services.AddSingleton<ChatOps.Bot.Incidents.IIncidentDeadlines, PageEscalationDeadlines>();
        services.AddIncidentCommand<PageCommand>("page", "呼叫");
        services.AddCardAction<AckPage, AckPageAction>();
        return services;
    }
}
