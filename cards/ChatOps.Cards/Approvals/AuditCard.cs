using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Cards.Approvals;

/// <summary>
/// An audit export, posted in the incident channel: what it counts, whether the record's hash chain verifies and its
/// head hash (to compare with the files), and the two read-only download links with the time they stop working.
/// </summary>
public static class AuditCard
{
    public static AdaptiveCard Build(AuditExport export, ExportLink csv, ExportLink json, TimeZoneInfo zone, CultureInfo language)
    {
        var chain = export.Chain;
        var counts = export.Counts;
        string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
        return new AdaptiveCard(
        [
            new TextBlock(CardText.Format("Audit.Title", language, export.IncidentId)) { Size = "Medium", Weight = "Bolder" },
            new TextBlock(CardText.Get("Audit.Intro", language)) { IsSubtle = true, Spacing = "None" },
            new TextBlock(chain.Intact
                ? CardText.Format("Audit.Chain.Intact", language, chain.Count)
                : CardText.Format("Audit.Chain.Broken", language, chain.BrokenAt!, chain.Reason!))
            {
                Color = chain.Intact ? "Good" : "Attention", Weight = "Bolder",
            },
            new FactSet(
            [
                new Fact(CardText.Get("Audit.Requests", language), Count(counts.Requests)),
                new Fact(CardText.Get("Audit.Decisions", language), Count(counts.Decisions)),
                new Fact(CardText.Get("Audit.Refusals", language), Count(counts.Refusals)),
                new Fact(CardText.Get("Audit.Overrides", language), Count(counts.Overrides)),
                new Fact(CardText.Get("Audit.Events", language), Count(export.Rows.Count)),
                new Fact(CardText.Get("Audit.Head", language), export.Head),
                new Fact(CardText.Get("Audit.Generated", language), CardTime.Format(export.GeneratedAt, zone)),
                new Fact(CardText.Get("Audit.Expires", language), CardTime.Format(Earliest(csv, json), zone)),
            ]) { Separator = true },
        ])
        {
            Lang = language.TwoLetterISOLanguageName,
            Msteams = new TeamsCardProperties(),
            Actions =
            [
                new OpenUrlAction(CardText.Get("Audit.Csv", language), csv.Url) { Style = "positive" },
                new OpenUrlAction(CardText.Get("Audit.Json", language), json.Url),
            ],
        };
    }

    private static DateTimeOffset Earliest(ExportLink a, ExportLink b) => a.ExpiresAt <= b.ExpiresAt ? a.ExpiresAt : b.ExpiresAt;
}
