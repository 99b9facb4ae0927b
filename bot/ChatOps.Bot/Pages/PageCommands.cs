using ChatOps.Bot.Conversations;
using ChatOps.Bot.Conversations.CardActions;
using ChatOps.Bot.Conversations.IncidentChannels;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Telemetry;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Help;
using ChatOps.Cards.Pages;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Pages;

namespace ChatOps.Bot.Pages;

/// <summary><c>page @someone &lt;message&gt;</c>: pages one person now (1:1 with an alert, the channel, the activity feed).</summary>
internal sealed class PageCommand(IncidentWriter writer, IConnectorClient connector, Pager pager, PolicyPager policies, TimeProvider time) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        var mention = Mentions.First(turn);
        var words = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (mention is null && words.Length == 2)
        {
            // page <escalation policy> <message>: its first level now, the next ones while nobody acknowledges.
            var sent = await policies.StartAsync(context.Incident.Id, PageReason.Manual, words[1], ct, policyId: words[0], by: turn.Sender);
            await turn.SendTextAsync(sent is null ? CardText.Get("Page.Usage", turn.Language)
                : CardText.Format("Page.Sent", turn.Language, sent.Id, string.Join(", ", sent.Rounds[0].Targets.Select(p => p.Name))), ct);
            return;
        }
        var message = mention is null ? "" : arguments.Replace(mention.Text, "", StringComparison.Ordinal).Trim();
        if (mention is null || message.Length == 0 || context.Client is not { } client)
        {
            await turn.SendTextAsync(CardText.Get("Page.Usage", turn.Language), ct);
            return;
        }
        var person = await Mentions.ResolveAsync(turn, mention, connector, ct) with { TeamsId = mention.Id };
        try
        {
            string? pageId = null;
            var stored = await writer.AppendAsync(context.Incident.Id, i =>
            {
                var (page, events) = i.SendPage(PageReason.Manual, message, null, 1, [person], turn.Sender, time.GetUtcNow());
                pageId = page.Id;
                return events;
            }, ct);
            if (stored?.Incident.FindPage(pageId!) is { } sent)
            {
                await pager.DeliverAsync(stored.Incident, sent, client, ct);
                await turn.SendTextAsync(CardText.Format("Page.Sent", turn.Language, sent.Id, person.Name), ct);
            }
        }
        catch (IncidentRuleException e)
        {
            await turn.SendTextAsync(CardText.Rule(e, turn.Language), ct);
        }
    }
}

/// <summary>
/// Acknowledge on a page: the first one ends the escalation (and acknowledges the incident); a later one is told who was
/// first. Only someone the page reached or the incident's response team may: the channel's copy has the button too.
/// </summary>
internal sealed class AckPageAction(IIncidentStore store, IncidentWriter writer, IClientDirectory clients, IConnectorClient connector, ChatOpsMetrics metrics, TimeProvider time) : ICardAction<AckPage>
{
    public async Task<AdaptiveCard> HandleAsync(Turn turn, AckPage verb, CancellationToken ct)
    {
        var language = turn.Language;
        if (await store.GetAsync(verb.IncidentId, ct) is not { Incident: var seen } || seen.FindPage(verb.PageId) is not { } seenPage ||
            await clients.FindAsync(seen.ClientId, ct) is not { } client)
            return NoticeCard.Attention(CardText.Format("Incident.Unknown", language, verb.IncidentId), language);
        if (!MayAck(seen, seenPage, client, turn.Sender))
            return NoticeCard.Attention(CardText.Format("Page.NotAllowed", language, seenPage.Id), language);
        try
        {
            var acked = false;
            var stored = await writer.AppendAsync(verb.IncidentId, i =>
            {
                var events = i.AckPage(verb.PageId, turn.Sender, time.GetUtcNow());
                acked = events.Count > 0;
                return events;
            }, ct);
            if (stored?.Incident.FindPage(verb.PageId) is not { } page)
                return NoticeCard.Attention(CardText.Format("Incident.Unknown", language, verb.IncidentId), language);
            if (acked)
                metrics.Acked(page);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone);
            if (acked && stored.Incident.Channel is { } channel)
                await connector.SendAsync(new Uri(channel.ServiceUrl), channel.ConversationId, CardMessages.Of(PageCard.Build(stored.Incident, page, zone, Languages.FromLocale(client.Locale))), ct);
            var card = PageCard.Build(stored.Incident, page, zone, language);
            return acked ? card : card with { Body = [.. card.Body, new TextBlock(CardText.Format("Page.AlreadyAcked", language, page.Id, page.AckedBy!.Name)) { IsSubtle = true }] };
        }
        catch (IncidentRuleException e)
        {
            return NoticeCard.Attention(CardText.Rule(e, language), language);
        }
    }

    private static bool MayAck(Incident incident, Page page, Client client, Person who) =>
        ResponseTeam.Includes(incident, client, who) || page.Rounds.Any(r => r.Targets.Any(t => t.AadObjectId == who.AadObjectId));
}
