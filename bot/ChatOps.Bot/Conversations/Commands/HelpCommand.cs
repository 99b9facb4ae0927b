using ChatOps.Cards.Help;

namespace ChatOps.Bot.Conversations.Commands;

internal sealed class HelpCommand(CommandCatalog catalog) : ICommand
{
    public async Task<TurnResult> RunAsync(Turn turn, string arguments, CancellationToken ct)
    {
        await turn.SendCardAsync(HelpCard.Build(turn.Language, catalog.Names), ct);
        return TurnResult.Ok;
    }
}
