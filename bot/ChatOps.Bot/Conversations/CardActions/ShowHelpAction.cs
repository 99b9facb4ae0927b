using ChatOps.Bot.Conversations.Commands;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Help;
using ChatOps.Cards.Resources;

namespace ChatOps.Bot.Conversations.CardActions;

internal sealed class ShowHelpAction(CommandCatalog catalog) : ICardAction<ShowHelp>
{
    public Task<AdaptiveCard> HandleAsync(Turn turn, ShowHelp verb, CancellationToken ct) =>
        Task.FromResult(HelpCard.Build(Languages.FromLocale(verb.Language), catalog.Names));
}
