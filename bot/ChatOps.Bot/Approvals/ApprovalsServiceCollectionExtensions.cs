using ChatOps.Bot.Conversations;
using ChatOps.Cards.Adaptive;

namespace ChatOps.Bot.Approvals;

internal static class ApprovalsServiceCollectionExtensions
{
    /// <summary>The client's authorisation in the channel: request, decide, revise, break glass, and the audit export.</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddScoped<ApprovalDesk>();
        services.AddIncidentCommand<RequestCommand>("request", "申请授权");
        services.AddIncidentCommand<ReviseCommand>("revise", "修改申请");
        services.AddIncidentCommand<BreakGlassCommand>("breakglass", "紧急授权");
        services.AddIncidentCommand<ApprovalsCommand>("approvals", "授权申请");
        services.AddIncidentCommand<AuditCommand>("audit", "审计");
        services.AddCardAction<SubmitProposal, SubmitProposalAction>();
        services.AddCardAction<DecideApproval, DecideApprovalAction>();
        services.AddCardAction<RefreshApproval, RefreshApprovalAction>();
        return services;
    }
}
