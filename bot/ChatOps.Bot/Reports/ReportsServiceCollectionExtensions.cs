using ChatOps.Bot.Conversations;
using ChatOps.Cards.Adaptive;
using ChatOps.Incidents.Deadlines;

namespace ChatOps.Bot.Reports;

internal static class ReportsServiceCollectionExtensions
{
    /// <summary>The report: the summary form, compiling versions as jobs, the client's confirmation that closes the incident.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportDesk>();
        services.AddScoped<ReportClosing>();
        services.AddScoped<SummaryPhaseClosing>();
        services.AddScoped<IDeadlineHandler, ReportCompileHandler>();
        services.AddScoped<IDeadlineHandler, ChannelArchiveHandler>();
        services.AddSingleton<ChatOps.Bot.Incidents.IIncidentDeadlines, ReportCompileDeadlines>();
        services.AddIncidentCommand<SummaryCommand>("summary", "总结");
        services.AddIncidentCommand<ReportCommand>("report", "报告");
        services.AddCardAction<SubmitSummary, SubmitSummaryAction>();
        services.AddCardAction<ViewReport, ViewReportAction>();
        services.AddCardAction<ReviewReport, ReviewReportAction>();
        return services;
    }
}
