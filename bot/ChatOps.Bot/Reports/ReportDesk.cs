using ChatOps.Bot.Approvals;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Incidents;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Incidents;
using ChatOps.Cards.Reports;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Reports;

namespace ChatOps.Bot.Reports;

/// <summary>
/// The report's life in the channel: a version is requested and its card posted while a job compiles it; the card is kept
/// current for everyone; fresh links are signed for whoever asks. Compiling runs as a deadline job, so a restart loses none.
/// </summary>
internal sealed class ReportDesk(
    ApprovalDesk desk, IIncidentStore store, IExportStore exports, IConnectorClient connector, CardUpdates updates, IDeadlineScheduler scheduler,
    SlaCatalog sla, TimeProvider time, ILogger<ReportDesk> log)
{
    public const string Kind = "report-compile";

    public static DeadlineJob Job(string incidentId, ReportVersion report) => new(Kind, incidentId, report.Label, "compile");

    /// <summary>Asks for a new version (or finds the one compiling), posts its card and queues its compilation.</summary>
    public async Task<(ApprovalScene Scene, ReportVersion Report)?> RequestAsync(string incidentId, IReadOnlyList<string> languages, Person by, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var number = 0;
        var scene = await desk.ChangeAsync(incidentId, s =>
        {
            var (report, events) = s.Incident.RequestReport(languages, by, now);
            number = report.Number;
            return events;
        }, ct);
        if (scene?.Incident.FindReport(number) is not { } requested)
            return null;
        if (requested.CardActivityId is null)
            scene = await PostAsync(scene, requested, ct);
        await scheduler.ScheduleAsync(Job(incidentId, requested), now, ct);
        return (scene, scene.Incident.FindReport(number)!);
    }

    /// <summary>Fresh read-only links to a delivered version's files, for one viewer.</summary>
    public async Task<ReportDownloads> LinksAsync(string incidentId, ReportVersion report, CancellationToken ct)
    {
        var links = new List<ReportDownload>();
        var expires = DateTimeOffset.MaxValue;
        foreach (var file in report.Files)
        {
            var link = await exports.LinkAsync(incidentId, Folder(report), file.Name, ct);
            links.Add(new ReportDownload(file, link.Url));
            expires = link.ExpiresAt < expires ? link.ExpiresAt : expires;
        }
        return new ReportDownloads(links, expires);
    }

    public static string Folder(ReportVersion report) => $"reports/{report.Label}";

    /// <summary>Brings everyone's copy of the version's card up to date (no links: each viewer fetches their own).</summary>
    public void ShowEveryone(ApprovalScene scene, ReportVersion report, string? progress = null)
    {
        if (scene.Incident.Channel is not { } channel || report.CardActivityId is not { Length: > 0 } cardId)
            return;
        var card = ReportCard.Build(scene.Incident, report, scene.Client, scene.Language, audience: Audience(scene), progress: progress);
        updates.Enqueue(new Uri(channel.ServiceUrl), channel.ConversationId, cardId, CardMessages.Of(card));
    }

    /// <summary>The incident card again (phase, clocks, closed), for everyone.</summary>
    public void ShowIncident(ApprovalScene scene)
    {
        if (scene.Incident.Channel is not { IncidentCardId: { Length: > 0 } cardId } channel)
            return;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(scene.Client.TimeZone);
        var card = IncidentCard.Build(scene.Incident, scene.Playbook, scene.Client, scene.Language, zone, clocks: sla.Read(scene.Incident, time.GetUtcNow()));
        updates.Enqueue(new Uri(channel.ServiceUrl), channel.ConversationId, cardId, CardMessages.Of(card));
    }

    /// <summary>The approvers' Teams ids the card refreshes for (configured ones; the roster is asked when the card is posted).</summary>
    public static IReadOnlyList<string> Audience(ApprovalScene scene) => [.. scene.Client.Approvers.Select(a => a.TeamsId).OfType<string>()];

    /// <summary>Posts the version's card if it never reached the channel (the request's post failed).</summary>
    public Task<ApprovalScene> EnsureCardAsync(ApprovalScene scene, ReportVersion report, CancellationToken ct) =>
        string.IsNullOrEmpty(report.CardActivityId) ? PostAsync(scene, report, ct) : Task.FromResult(scene);

    /// <summary>A delivered version @mentions the client's approvers (a card update notifies nobody).</summary>
    public async Task AnnounceAsync(ApprovalScene scene, ReportVersion report, CancellationToken ct)
    {
        if (scene.Incident.Channel is not { } channel)
            return;
        var mentions = scene.Client.Approvers.Select(CardMention.For).ToList();
        var text = CardText.Format("Report.Ready", scene.Language, scene.Incident.Id, report.Label, string.Join("、", mentions.Select(m => m.Text)));
        try
        {
            await connector.SendAsync(new Uri(channel.ServiceUrl), channel.ConversationId, CardMessages.Of(new AdaptiveCard([new TextBlock(text) { Weight = "Bolder" }])
            {
                Lang = scene.Language.TwoLetterISOLanguageName,
                Msteams = new TeamsCardProperties { Entities = mentions },
            }), ct);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            // The card shows the delivery; the mention is a courtesy.
            log.LogWarning(e, "Could not announce report {Report} on {IncidentId}", report.Label, scene.Incident.Id);
        }
    }

    private async Task<ApprovalScene> PostAsync(ApprovalScene scene, ReportVersion report, CancellationToken ct)
    {
        if (scene.Incident.Channel is not { } channel)
            return scene;
        try
        {
            var card = ReportCard.Build(scene.Incident, report, scene.Client, scene.Language);
            var posted = await connector.SendAsync(new Uri(channel.ServiceUrl), channel.ConversationId, CardMessages.Of(card), ct);
            scene.Incident.RecordReportCard(report.Number, posted.Id ?? "");
            return scene with { Stored = await store.SaveAsync(scene.Stored, [], ct) };
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or ConcurrencyException)
        {
            // The version is stored and its job queued; the job posts the card when it delivers.
            log.LogWarning(e, "Could not post the card of report {Report} on {IncidentId}", report.Label, scene.Incident.Id);
            return scene;
        }
    }
}
