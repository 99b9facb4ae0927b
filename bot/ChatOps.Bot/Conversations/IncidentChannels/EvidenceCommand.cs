using ChatOps.Bot.Conversations.Commands;
using ChatOps.Bot.Evidence;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Cards.Evidence;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Conversations.IncidentChannels;

/// <summary>
/// <c>evidence</c> shows the register, <c>evidence add</c> posts the form that registers an item, and
/// <c>evidence transfer EV-001 @someone [note]</c> hands an item over (the recipient's Entra id from the roster).
/// </summary>
internal sealed class EvidenceCommand(IncidentWriter writer, IConnectorClient connector, TimeProvider time) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        var (action, rest) = CommandText.Split(arguments);
        switch (action)
        {
            case "" or "list" or "列表":
                foreach (var card in EvidenceListCard.Build(context.Incident, turn.Language, EvidenceForm.Zone(context.Client)))
                    await turn.SendCardAsync(card, ct);
                break;
            case "add" or "添加" or "登记":
                await AddAsync(turn, context, ct);
                break;
            case "transfer" or "移交":
                await TransferAsync(turn, context, rest, ct);
                break;
            default:
                await turn.SendTextAsync(CardText.Get("Evidence.Usage", turn.Language), ct);
                break;
        }
    }

    private async Task AddAsync(Turn turn, IncidentContext context, CancellationToken ct)
    {
        if (!ResponseTeam.Includes(context.Incident, context.Client, turn.Sender))
        {
            await turn.SendTextAsync(CardText.Get("Evidence.NotAllowed", turn.Language), ct);
            return;
        }
        var team = ResponseTeam.Members(context.Incident, context.Client);
        var form = EvidenceFormCard.Build(context.Incident, team, turn.Language, EvidenceForm.Zone(context.Client), time.GetUtcNow(), Guid.NewGuid().ToString("N"));
        await turn.SendCardAsync(form, ct);
    }

    private async Task TransferAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        var mention = Mentions.First(turn);
        // The mention may stand anywhere; without it, the first word is the item and the rest the note.
        var words = (mention is null ? arguments : arguments.Replace(mention.Text, " ", StringComparison.Ordinal)).Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (mention is null || words.Length == 0)
        {
            await turn.SendTextAsync(CardText.Get("Evidence.Usage", turn.Language), ct);
            return;
        }
        if (!ResponseTeam.Includes(context.Incident, context.Client, turn.Sender))
        {
            await turn.SendTextAsync(CardText.Get("Evidence.NotAllowed", turn.Language), ct);
            return;
        }
        var to = await Mentions.ResolveAsync(turn, mention, connector, ct);
        var note = words.Length > 1 ? words[1] : null;
        try
        {
            await writer.AppendAsync(context.Incident.Id, i => i.TransferCustody(words[0], to, note, turn.Sender, time.GetUtcNow()), ct);
            await turn.SendTextAsync(CardText.Format("Evidence.Transferred", turn.Language, words[0].ToUpperInvariant(), to.Name), ct);
        }
        catch (IncidentRuleException e)
        {
            await turn.SendTextAsync(CardText.Rule(e, turn.Language), ct);
        }
    }
}
