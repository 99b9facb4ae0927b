using ChatOps.Bot.Approvals;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Reports;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Reports;

namespace ChatOps.Bot.Reports;

/// <summary>
/// What follows the client's answer: on confirmation the follow-up actions are posted and the channel archived; on a request
/// for changes the commander is told, with the client's comment on the card.
/// </summary>
internal sealed class ReportClosing(IConnectorClient connector, ILogger<ReportClosing> log)
{
    public async Task CloseAsync(ApprovalScene scene, ReportVersion report, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(scene.Client.TimeZone);
        await PostAsync(scene, FollowUpCard.Build(scene.Incident, report, zone, scene.Language), ct);
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
