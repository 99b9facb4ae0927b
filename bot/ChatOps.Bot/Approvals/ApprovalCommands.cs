using ChatOps.Bot.Conversations;
using ChatOps.Bot.Conversations.IncidentChannels;
using ChatOps.Cards.Approvals;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Approvals;

/// <summary><c>request [CP-09]</c>: the proposal form for a gated point, or without a point for an ad-hoc important operation.</summary>
internal sealed class RequestCommand : IIncidentCommand
{
    public Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        var word = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var point = word is null ? null : context.Playbook.FindControlPoint(word);
        if (word is not null && point is null)
            return turn.SendTextAsync(CardText.Format("Rule.point.unknown", turn.Language, word), ct);
        if (point is { IsGated: false })
            return turn.SendTextAsync(CardText.Format("Rule.point.not-gated", turn.Language, point.Id), ct);
        return turn.SendCardAsync(ApprovalFormCard.Build(context.Incident, context.Playbook, point?.Id, null, null, turn.Language), ct);
    }
}

/// <summary><c>revise APR-01</c>: the form again, filled with the current proposal; submitting it voids earlier decisions.</summary>
internal sealed class ReviseCommand : IIncidentCommand
{
    public Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        var id = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (id is null || context.Incident.FindApproval(id) is not { } request)
            return turn.SendTextAsync(CardText.Get("Revise.Usage", turn.Language), ct);
        return turn.SendCardAsync(ApprovalFormCard.Build(context.Incident, context.Playbook, request.PointId, request.Id, request.Proposal, turn.Language), ct);
    }
}

/// <summary>
/// <c>breakglass CP-09 &lt;justification&gt;</c>: the commander breaks glass. Loudly: a card in the channel that
/// @mentions the client's approvers, and the event on the record for the report.
/// </summary>
internal sealed class BreakGlassCommand(ApprovalDesk desk, TimeProvider time) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        var parts = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            await turn.SendTextAsync(CardText.Get("BreakGlass.Usage", turn.Language), ct);
            return;
        }
        var now = time.GetUtcNow();
        try
        {
            var scene = await desk.ChangeAsync(context.Incident.Id, s => s.Incident.BreakGlass(s.Playbook, parts[0], parts.ElementAtOrDefault(1) ?? "", turn.Sender, now), ct);
            if (scene is null)
                return;
            var glass = scene.Incident.Overrides[^1];
            await turn.SendCardAsync(BreakGlassCard.Build(scene.Incident, scene.Playbook, glass, scene.Client, scene.Language), ct);
            desk.ShowChecklist(scene, glass.PointId);
        }
        catch (IncidentRuleException e)
        {
            await turn.SendTextAsync(CardText.Rule(e, turn.Language), ct);
        }
    }
}

/// <summary><c>approvals</c>: every request with its state; the card of an open request that never reached the channel is posted again.</summary>
internal sealed class ApprovalsCommand(ApprovalDesk desk, TimeProvider time) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        var language = turn.Language;
        if (await desk.LoadAsync(context.Incident.Id, ct) is not { } scene || scene.Incident.Approvals.Count == 0)
        {
            await turn.SendTextAsync(CardText.Get("Approvals.None", language), ct);
            return;
        }
        var lines = scene.Incident.Approvals.Select(a => CardText.Format("Approvals.Line", language, a.Id, ApprovalCard.Subject(scene.Playbook, a.PointId, language),
            CardText.Format($"Approval.Status.{a.Status}", language, a.Approvals, a.Quorum), a.Revision));
        await turn.SendTextAsync(string.Join("\n", lines), ct);
        await desk.RepostMissingAsync(scene, time.GetUtcNow(), ct);
    }
}
