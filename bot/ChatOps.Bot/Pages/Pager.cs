using System.Text.Json;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Authentication;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Teams;
using ChatOps.Bot.Telemetry;
using ChatOps.Cards.Pages;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Pages;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Pages;

/// <summary>
/// Reaches the people of one round of a page: a proactive 1:1 message that raises a notification (with the Ack card),
/// an @mention in the incident channel, and an activity-feed entry. One failed channel of delivery does not stop the others.
/// </summary>
internal sealed class Pager(IConnectorClient connector, IActivityFeed feed, IOptions<BotIdentityOptions> bot, ChatOpsMetrics metrics, ILogger<Pager> log)
{
    /// <summary>Delivers the page's latest round: its first (a page sent) or an escalation.</summary>
    public async Task DeliverAsync(Incident incident, Page page, Client client, CancellationToken ct)
    {
        metrics.Paged(page);
        if (incident.Channel is not { } channel)
            return;
        var serviceUrl = new Uri(channel.ServiceUrl);
        var language = Languages.FromLocale(client.Locale);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone);
        var round = page.Rounds[^1];
        foreach (var person in round.Targets)
        {
            await TryAsync(person, "1:1", () => DirectAsync(serviceUrl, client, person, CardMessages.Of(PageCard.Build(incident, page, zone, language)), ct));
            await TryAsync(person, "activity feed", () => feed.NotifyAsync(client, person, CardText.Format("Page.Title", language, incident.Id, page.Id, page.Level), ct));
        }
        await TryAsync(null, "channel", () => connector.SendAsync(serviceUrl, channel.ConversationId, CardMessages.Of(PageCard.Build(incident, page, zone, language, round.Targets)), ct));
    }

    private async Task DirectAsync(Uri serviceUrl, Client client, Person person, Activity card, CancellationToken ct)
    {
        var chat = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:" + bot.Value.AppId },
            Members = [new ChannelAccount { Id = person.TeamsId ?? person.AadObjectId, AadObjectId = person.AadObjectId }],
            TenantId = client.TenantId,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = client.TenantId } }),
        }, ct);
        // notification.alert makes Teams raise a toast for a message the person did not start.
        card.ChannelData = JsonSerializer.SerializeToElement(new { notification = new { alert = true }, tenant = new { id = client.TenantId } });
        await connector.SendAsync(serviceUrl, chat.Id ?? throw new ConnectorException(System.Net.HttpStatusCode.BadGateway, "No 1:1 conversation id."), card, ct);
    }

    private async Task TryAsync(Person? person, string how, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
        {
            log.LogWarning(e, "Could not page {Person} by {How}", person?.Name ?? "the channel", how);
        }
    }
}
