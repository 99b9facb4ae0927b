using ChatOps.Bot.Approvals;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Conversations.CardActions;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Help;
using ChatOps.Cards.Reports;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Reports;

namespace ChatOps.Bot.Reports;

/// <summary>The viewer's own copy of a report card: fresh links for the response team and the client's approvers, who also get the buttons.</summary>
internal sealed class ViewReportAction(ApprovalDesk desk, ReportDesk reports, ILogger<ViewReportAction> log) : ICardAction<ViewReport>
{
    public async Task<AdaptiveCard> HandleAsync(Turn turn, ViewReport verb, CancellationToken ct)
    {
        var language = turn.Language;
        if (await desk.LoadAsync(verb.IncidentId, ct) is not { } scene || scene.Incident.FindReport(verb.Version) is not { } report)
            return NoticeCard.Attention(CardText.Format("Rule.report.unknown", language, $"R{verb.Version}"), language);
        var approver = scene.Client.MayDecide(turn.Sender.AadObjectId, turn.TenantId) ? turn.Sender : null;
        // Links open the report to whoever holds them until they expire, like the audit export's.
        if (approver is null && !scene.IsResponder(turn.Sender))
            return ReportCard.Build(scene.Incident, report, scene.Client, language, null, null, ReportDesk.Audience(scene), CardText.Get("Report.LinksNotAllowed", language));
        try
        {
            var links = report.Files.Count > 0 ? await reports.LinksAsync(scene.Incident.Id, report, ct) : null;
            return ReportCard.Build(scene.Incident, report, scene.Client, language, links, approver, ReportDesk.Audience(scene));
        }
        catch (ExportUnavailableException e)
        {
            log.LogWarning(e, "Could not sign links to report {Report} of {IncidentId}", report.Label, scene.Incident.Id);
            return ReportCard.Build(scene.Incident, report, scene.Client, language, null, approver, ReportDesk.Audience(scene), CardText.Get("Audit.StorageFailed", language));
        }
    }
}

/// <summary>
/// An approver confirms the delivered version (closing the incident) or sends it back with a comment. Anyone else, or a
/// superseded version, gets a polite refusal shown only to them, and the attempt goes on the record.
/// </summary>
internal sealed class ReviewReportAction(ApprovalDesk desk, ReportDesk reports, ReportClosing closing, TimeProvider time) : ICardAction<ReviewReport>
{
    private static readonly HashSet<string> Recorded = [Rules.NotAnApprover, Rules.ReportSuperseded];

    public async Task<AdaptiveCard> HandleAsync(Turn turn, ReviewReport verb, CancellationToken ct)
    {
        var language = turn.Language;
        if (!Enum.TryParse<ReportReviewKind>(verb.Decision, out var kind) || !Enum.IsDefined(kind))
            return NoticeCard.Attention(CardText.Get("Invoke.UnknownVerb", language), language);
        var now = time.GetUtcNow();
        IncidentRuleException? refused = null;
        var wasClosed = false;
        var scene = await desk.ChangeAsync(verb.IncidentId, s =>
        {
            refused = null;
            wasClosed = s.Incident.IsClosed;
            if (wasClosed || s.Incident.FindReport(verb.Version) is null)
                return [];
            try
            {
                return s.Incident.ReviewReport(verb.Version, kind, verb.Comment, s.Client, turn.TenantId, turn.Sender, now);
            }
            catch (IncidentRuleException e)
            {
                refused = e;
                return Recorded.Contains(e.Rule) ? s.Incident.RecordReportRefusal(verb.Version, e.Rule, turn.TenantId, turn.Sender, now) : [];
            }
        }, ct);
        if (scene?.Incident.FindReport(verb.Version) is not { } report)
            return NoticeCard.Attention(CardText.Format("Rule.report.unknown", language, $"R{verb.Version}"), language);
        var approver = scene.Client.MayDecide(turn.Sender.AadObjectId, turn.TenantId) ? turn.Sender : null;
        if (wasClosed || refused is not null)
        {
            var why = refused is null ? CardText.Format("Rule.incident.closed", language, scene.Incident.Id) : CardText.Rule(refused, language);
            return ReportCard.Build(scene.Incident, report, scene.Client, language, null, approver, ReportDesk.Audience(scene), why);
        }
        reports.ShowEveryone(scene, report);
        reports.ShowIncident(scene);
        if (kind == ReportReviewKind.Confirm)
            await closing.CloseAsync(scene, report, ct);
        else
            await closing.SendBackAsync(scene, report, ct);
        return ReportCard.Build(scene.Incident, report, scene.Client, language, null, approver, ReportDesk.Audience(scene));
    }
}
