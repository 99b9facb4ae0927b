using ChatOps.Bot.Approvals;
using ChatOps.Bot.Conversations;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Checklists;
using ChatOps.Cards.Help;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Reports;

/// <summary>
/// The commander closes the Summary phase, the last one: that compiles the report in the client's language (the client's
/// confirmation then closes the incident). The clicker keeps the checklist, with a line saying so.
/// </summary>
internal sealed class SummaryPhaseClosing(ApprovalDesk desk, ReportDesk reports)
{
    public async Task<AdaptiveCard> CloseAsync(Turn turn, string incidentId, string phase, CancellationToken ct)
    {
        var language = turn.Language;
        if (await desk.LoadAsync(incidentId, ct) is not { } scene)
            return NoticeCard.Attention(CardText.Format("Incident.Unknown", language, incidentId), language);
        AdaptiveCard Checklist(ApprovalScene s, string notice) => ChecklistCard.Build(s.Incident, s.Playbook, phase, language, notice);
        if (scene.Incident.Phase != phase)
            return Checklist(scene, CardText.Get("Checklist.Stale", language));
        if (turn.Sender.AadObjectId != scene.Incident.Commander.AadObjectId)
            return Checklist(scene, CardText.Get("Report.OnlyCommanderCloses", language));
        try
        {
            var languages = ReportLanguages.Parse("", scene.Client.Locale)!;
            if (await reports.RequestAsync(incidentId, languages, turn.Sender, ct) is not { } requested)
                return NoticeCard.Attention(CardText.Format("Incident.Unknown", language, incidentId), language);
            return Checklist(requested.Scene, CardText.Format("Report.CompilingFromChecklist", language, requested.Report.Label));
        }
        catch (IncidentRuleException e)
        {
            return Checklist(scene, CardText.Format("Checklist.Refused", language, CardText.Rule(e, language)));
        }
    }
}
