using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Pages;

namespace ChatOps.Cards.Pages;

/// <summary>The page a person receives in their 1:1 chat (with an Acknowledge button), and its copy in the incident channel.</summary>
public static class PageCard
{
    public static AdaptiveCard Build(Incident incident, Page page, TimeZoneInfo zone, CultureInfo language, IReadOnlyList<Person>? mention = null)
    {
        var mentions = (mention ?? []).Select(CardMention.For).ToList();
        List<CardElement> body =
        [
            new TextBlock(CardText.Format("Page.Title", language, incident.Id, page.Id, page.Level)) { Weight = "Bolder", Color = "Attention", Size = "Medium" },
            UserText.Literal(incident.Title, Cards.Incidents.IncidentCard.MaxTitle, language, weight: "Bolder"),
            UserText.Literal(page.Message, Incident.MaxPageMessage, language),
            new TextBlock(CardText.Format($"Page.Reason.{page.Reason}", language, page.RequestedBy.Name, CardTime.Format(page.CreatedAt, zone))) { IsSubtle = true, Size = "Small" },
        ];
        if (mentions.Count > 0)
            body.Add(new TextBlock(CardText.Format("Page.Paging", language, string.Join("、", mentions.Select(m => m.Text)))));
        if (page.AckedBy is { } by)
            body.Add(new TextBlock(CardText.Format("Page.Acked", language, by.Name, CardTime.Format(page.AckedAt!.Value, zone))) { Color = "Good", Weight = "Bolder" });
        return new AdaptiveCard(body)
        {
            Lang = language.TwoLetterISOLanguageName,
            Msteams = mentions.Count > 0 ? new TeamsCardProperties { Entities = mentions } : null,
            Actions = page.IsOpen ? [new ExecuteAction(CardText.Get("Page.Ack", language), new AckPage(incident.Id, page.Id)) { Style = "positive" }] : null,
        };
    }
}
