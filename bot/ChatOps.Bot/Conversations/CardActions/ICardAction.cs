using ChatOps.Cards.Adaptive;

namespace ChatOps.Bot.Conversations.CardActions;

/// <summary>Handles one card verb; it answers with the card that replaces the clicked one.</summary>
internal interface ICardAction<in TVerb> where TVerb : CardVerb
{
    Task<AdaptiveCard> HandleAsync(Turn turn, TVerb verb, CancellationToken ct);
}
