using ChatOps.Bot.Conversations.CardActions;
using ChatOps.Bot.Incidents;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Incidents;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;

namespace ChatOps.Bot.Conversations.Commands;

/// <summary><c>declare</c> shows the form; <c>declare P1 web-defacement client=contoso "…"</c> declares at once.</summary>
internal sealed class DeclareCommand(IClientDirectory clients, PlaybookCatalog playbooks, DeclareIncidentAction declare) : ICommand
{
    public async Task<TurnResult> RunAsync(Turn turn, string arguments, CancellationToken ct)
    {
        var all = await clients.ListAsync(ct);
        if (all.Count == 0)
        {
            await turn.SendTextAsync(CardText.Get("Declare.NoClients", turn.Language), ct);
            return TurnResult.Ok;
        }
        if (arguments.Length == 0)
        {
            var playbook = playbooks.Get(all[0].PlaybookId);
            await turn.SendCardAsync(DeclareFormCard.Build(turn.Language, all, playbook, Guid.NewGuid().ToString("N")), ct);
            return TurnResult.Ok;
        }
        // The message's own id binds the declaration, so a redelivered message cannot declare twice.
        var form = DeclareLine.Parse(arguments, $"msg:{turn.Activity.Conversation?.Id}:{turn.Activity.Id}");
        await turn.SendCardAsync(await declare.HandleAsync(turn, form, ct), ct);
        return TurnResult.Ok;
    }
}
