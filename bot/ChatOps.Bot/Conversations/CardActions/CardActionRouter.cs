using System.Text.Json;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;

namespace ChatOps.Bot.Conversations.CardActions;

/// <summary>
/// Routes a card click by its typed verb: an Action.Execute invoke is answered with the new card in
/// the HTTP body; an Action.Submit (the fallback) gets the new card as a message.
/// </summary>
internal sealed class CardActionRouter(IEnumerable<CardActionRegistration> registrations, IServiceProvider services, ILogger<CardActionRouter> log)
{
    private readonly Dictionary<Type, CardActionRegistration> _byVerb = registrations.ToDictionary(r => r.Verb);

    public async Task<TurnResult> ExecuteAsync(Turn turn, CancellationToken ct)
    {
        var data = turn.Activity.Value is { ValueKind: JsonValueKind.Object } value &&
                   value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object &&
                   action.TryGetProperty("data", out var d) ? d : default;
        var card = await HandleAsync(turn, data, ct);
        return card is null
            ? TurnResult.Error(400, "UnknownVerb", CardText.Get("Invoke.UnknownVerb", turn.Language))
            : TurnResult.Card(card);
    }

    public async Task<TurnResult> SubmitAsync(Turn turn, CancellationToken ct)
    {
        var card = await HandleAsync(turn, turn.Activity.Value ?? default, ct);
        if (card is null)
            await turn.SendTextAsync(CardText.Get("Invoke.UnknownVerb", turn.Language), ct);
        else
            await turn.SendCardAsync(card, ct);
        return TurnResult.Ok;
    }

    private async Task<AdaptiveCard?> HandleAsync(Turn turn, JsonElement data, CancellationToken ct)
    {
        var verb = CardJson.ReadVerb(data);
        if (verb is null || !_byVerb.TryGetValue(verb.GetType(), out var registration))
        {
            log.LogInformation("Card action with an unknown or malformed verb");
            return null;
        }
        return await registration.Handle(services, turn, verb, ct);
    }
}

/// <summary>Binds a verb type to its handler; made by <c>AddCardAction</c>.</summary>
internal sealed record CardActionRegistration(Type Verb, Func<IServiceProvider, Turn, CardVerb, CancellationToken, Task<AdaptiveCard>> Handle);
