using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Reports;

namespace ChatOps.Cards.Reports;

/// <summary>Posted when the client confirms the report: the incident is closed, and these are the follow-up actions.</summary>
public static class FollowUpCard
{
    public static AdaptiveCard Build(Incident incident, ReportVersion report, TimeZoneInfo zone, CultureInfo language)
    {
        var lines = (incident.FindSummary(SummaryField.FollowUps) ?? incident.FindSummary(SummaryField.Recommendations))?.Lines ?? [];
        List<CardElement> body =
        [
            new TextBlock(CardText.Format("Report.Closed.Title", language, incident.Id)) { Size = "Medium", Weight = "Bolder", Color = "Good" },
            new TextBlock(CardText.Format("Report.Closed.By", language, report.Label, report.Review!.By.Name, CardTime.Format(incident.ClosedAt!.Value, zone))) { Spacing = "None" },
            new TextBlock(CardText.Get(lines.Count > 0 ? "Report.FollowUps" : "Report.FollowUps.None", language)) { Weight = "Bolder", Separator = true },
        ];
        body.AddRange(lines.Select((line, i) => UserText.Literal($"{i + 1}. {line}", SummaryEntry.MaxLength, language) with { Spacing = "Small" }));
        return new AdaptiveCard(body) { Lang = language.TwoLetterISOLanguageName, Msteams = new TeamsCardProperties() };
    }
}
