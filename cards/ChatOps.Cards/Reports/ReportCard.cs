using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Reports;

namespace ChatOps.Cards.Reports;

/// <summary>
/// One version of the report in the incident channel: its progress while it compiles; then its files with their SHA-256
/// and read-only links that expire, and the client's answer. While it awaits confirmation, Teams fetches each approver's
/// own view (card refresh) with fresh links, a comment box and Confirm / Request changes.
/// </summary>
public static class ReportCard
{
    /// <param name="downloads">Fresh links for the viewer; without them the card offers a button that fetches them.</param>
    /// <param name="approver">The viewer, when Teams asked for an approver's view; null for everyone's copy.</param>
    /// <param name="audience">The approvers' Teams ids whose clients refresh the card (at most 60).</param>
    public static AdaptiveCard Build(
        Incident incident, ReportVersion report, Client client, CultureInfo language, ReportDownloads? downloads = null,
        Person? approver = null, IReadOnlyList<string>? audience = null, string? notice = null, string? progress = null)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone);
        List<CardElement> body =
        [
            new TextBlock(CardText.Format("Report.Title", language, report.Label, incident.Id)) { Size = "Medium", Weight = "Bolder" },
            Status(incident, report, zone, language, progress),
        ];
        if (report.Review is { Comment: { } comment })
            body.Add(UserText.Literal(comment, Incident.MaxComment, language) with { Spacing = "None" });
        if (notice is not null)
            body.Add(UserText.Notice(notice, "Attention", weight: "Bolder"));
        if (report.Files.Count > 0)
            body.Add(Files(report, downloads, zone, language));
        var awaiting = report.Status == ReportStatus.Delivered && !incident.IsClosed;
        List<CardAction> actions = [];
        if (report.Files.Count > 0 && downloads is not null)
            actions.AddRange(downloads.Links.Select(d => new OpenUrlAction(CardText.Format("Report.Download", language, d.File.Format.ToUpperInvariant(), d.File.Language), d.Url)));
        else if (report.Files.Count > 0)
            actions.Add(new ExecuteAction(CardText.Get("Report.GetLinks", language), new ViewReport(incident.Id, report.Number)));
        if (awaiting && approver is not null)
            body.AddRange(Buttons(incident, report, language));
        else if (awaiting)
            body.Add(new TextBlock(CardText.Format("Report.Awaiting", language, string.Join("、", client.Approvers.Select(a => $"<at>{a.Name}</at>")))) { Separator = true });
        return new AdaptiveCard(body)
        {
            Lang = language.TwoLetterISOLanguageName,
            Msteams = new TeamsCardProperties { Entities = awaiting && approver is null ? [.. client.Approvers.Select(CardMention.For)] : null },
            Actions = actions.Count > 0 ? actions : null,
            Refresh = awaiting && audience is { Count: > 0 }
                ? new CardRefresh(new ExecuteAction(CardText.Get("Report.GetLinks", language), new ViewReport(incident.Id, report.Number)), [.. audience.Take(60)])
                : null,
        };
    }

    private static TextBlock Status(Incident incident, ReportVersion report, TimeZoneInfo zone, CultureInfo language, string? progress)
    {
        var review = report.Review;
        var (text, color) = report.Status switch
        {
            ReportStatus.Compiling => (CardText.Format("Report.Status.Compiling", language, progress ?? CardText.Get("Report.Progress.Queued", language)), "Accent"),
            ReportStatus.Delivered => (CardText.Format("Report.Status.Delivered", language, CardTime.Format(report.DeliveredAt!.Value, zone)), "Warning"),
            ReportStatus.Confirmed => (CardText.Format("Report.Status.Confirmed", language, review!.By.Name, CardTime.Format(review.At, zone)), "Good"),
            ReportStatus.ChangesRequested => (CardText.Format("Report.Status.ChangesRequested", language, review!.By.Name, CardTime.Format(review.At, zone)), "Attention"),
            _ => (CardText.Format("Report.Status.Superseded", language, incident.LatestReport?.Label ?? ""), "Default"),
        };
        return new TextBlock(text) { Color = color, Weight = "Bolder", Spacing = "None" };
    }

    private static FactSet Files(ReportVersion report, ReportDownloads? downloads, TimeZoneInfo zone, CultureInfo language)
    {
        List<Fact> facts = [.. report.Files.Select(f => new Fact(f.Name, CardText.Format("Report.File", language, Size(f.Size), f.Sha256)))];
        facts.Add(new Fact(CardText.Get("Report.Head", language), CardText.Format("Report.HeadValue", language, report.TimelineHead ?? "", report.Sequence)));
        if (downloads is not null)
            facts.Add(new Fact(CardText.Get("Report.LinksExpire", language), CardTime.Format(downloads.ExpiresAt, zone)));
        return new FactSet(facts) { Separator = true };
    }

    private static IEnumerable<CardElement> Buttons(Incident incident, ReportVersion report, CultureInfo language)
    {
        yield return CommentBox.For(ReviewReport.CommentInputId, "Report", language);
        ExecuteAction Review(ReportReviewKind kind, string? style) =>
            new(CardText.Get($"Report.Button.{kind}", language), new ReviewReport(incident.Id, report.Number, kind.ToString())) { Style = style };
        yield return new ActionSet([Review(ReportReviewKind.Confirm, "positive"), Review(ReportReviewKind.RequestChanges, null)]);
    }

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");
}

/// <summary>Read-only links to a version's files, made for one viewer, and when they stop working.</summary>
public sealed record ReportDownloads(IReadOnlyList<ReportDownload> Links, DateTimeOffset ExpiresAt);

public sealed record ReportDownload(ReportFile File, Uri Url);
