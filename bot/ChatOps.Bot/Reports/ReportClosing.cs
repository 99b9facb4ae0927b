using ChatOps.Bot.Approvals;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Reports;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Reports;

namespace ChatOps.Bot.Reports;

/// <summary>
/// What follows the client's answer: on confirmation the follow-up actions are posted and the channel archived; on a request
/// for changes the commander is told, with the client's comment on the card.
/// </summary>
internal sealed class ReportClosing(IConnectorClient connector, IDeadlineScheduler scheduler, TimeProvider time, ILogger<ReportClosing> log)
{
    public const string ArchiveKind = "channel-archive";

    public async Task CloseAsync(ApprovalScene scene, ReportVersion report, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(scene.Client.TimeZone);
        await PostAsync(scene, FollowUpCard.Build(scene.Incident, report, zone, scene.Language), ct);
        // Archived last (an archived channel takes no posts), as a job: Graph's failures are retried, the confirmation is not held up.
        if (scene.Incident.Channel is { } channel)
            await scheduler.ScheduleAsync(new DeadlineJob(ArchiveKind, scene.Incident.Id, channel.ChannelId, "archive"), time.GetUtcNow(), ct);
    }

    public Task SendBackAsync(ApprovalScene scene, ReportVersion report, CancellationToken ct)
    {
        var commander = CardMention.For(scene.Incident.Commander);
        var text = CardText.Format("Report.ChangesNotice", scene.Language, commander.Text, report.Review!.By.Name, report.Label);
        return PostAsync(scene, new AdaptiveCard([new TextBlock(text) { Weight = "Bolder" }])
        {
            Lang = scene.Language.TwoLetterISOLanguageName,
            Msteams = new TeamsCardProperties { Entities = [commander] },
        }, ct);
    }

    private async Task PostAsync(ApprovalScene scene, AdaptiveCard card, CancellationToken ct)
    {
        if (scene.Incident.Channel is not { } channel)
            return;
        try
        {
            await connector.SendAsync(new Uri(channel.ServiceUrl), channel.ConversationId, CardMessages.Of(card), ct);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            // The answer is on the record and the report card shows it.
            log.LogWarning(e, "Could not post the report answer on {IncidentId}", scene.Incident.Id);
        }
    }
}

/// <summary>Archives a closed incident's channel (renamed with the closed marker); a failure throws, and Hangfire retries the job.</summary>
internal sealed class ChannelArchiveHandler(ApprovalDesk desk, Teams.IChannelArchive archive) : IDeadlineHandler
{
    public string Kind => ReportClosing.ArchiveKind;

    public async Task HandleAsync(DeadlineJob job, TimeSpan lateBy, CancellationToken ct)
    {
        if (await desk.LoadAsync(job.IncidentId, ct) is { Incident: { IsClosed: true, Channel: { } channel } incident } scene)
            await archive.ArchiveAsync(scene.Client, channel.ChannelId, incident.Id, incident.Title, ct);
    }
}
