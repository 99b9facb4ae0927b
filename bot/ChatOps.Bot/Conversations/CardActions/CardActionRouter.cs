using System.Diagnostics;
using System.Text.Json;
using ChatOps.Bot.Telemetry;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Telemetry;

namespace ChatOps.Bot.Conversations.CardActions;

/// <summary>
/// Routes a card click by its typed verb: an Action.Execute invoke is answered with the new card in
/// the HTTP body; an Action.Submit (the fallback) gets the new card as a message.
/// </summary>
internal sealed class CardActionRouter(
    IEnumerable<CardActionRegistration> registrations, IServiceProvider services, ChatOpsMetrics metrics, TimeProvider time, ILogger<CardActionRouter> log)
{
    private readonly Dictionary<Type, CardActionRegistration> _byVerb = registrations.ToDictionary(r => r.Verb);

    public async Task<TurnResult> ExecuteAsync(Turn turn, CancellationToken ct)
    {
        var data = turn.Activity.Value is { ValueKind: JsonValueKind.Object } value &&
                   value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object &&
                   action.TryGetProperty("data", out var d) ? d : default;
        var card = await HandleAsync(turn, data, "execute", ct);
        return card is null
            ? TurnResult.Error(400, "UnknownVerb", CardText.Get("Invoke.UnknownVerb", turn.Language))
            : TurnResult.Card(card);
    }

    public async Task<TurnResult> SubmitAsync(Turn turn, CancellationToken ct)
    {
        var card = await HandleAsync(turn, turn.Activity.Value ?? default, "submit", ct);
        if (card is null)
            await turn.SendTextAsync(CardText.Get("Invoke.UnknownVerb", turn.Language), ct);
        else
            await turn.SendCardAsync(card, ct);
        return TurnResult.Ok;
    }

    /// <summary>A span and a latency measurement per click, tagged with the verb's wire name (unknown verbs all as "unknown").</summary>
    private async Task<AdaptiveCard?> HandleAsync(Turn turn, JsonElement data, string action, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var verb = CardJson.ReadVerb(data);
        if (verb is null || !_byVerb.TryGetValue(verb.GetType(), out var registration))
        {
            log.LogInformation("Card action with an unknown or malformed verb");
            metrics.Invoke(time.GetElapsedTime(started), "unknown", action, "unknown_verb", null);
            return null;
        }
        var name = verb.VerbName();
        using var span = ChatOpsTelemetry.Source.StartActivity($"card {name}");
        span?.SetTag("chatops.card.verb", name);
        span?.SetTag("chatops.card.action", action);
        try
        {
            var card = await registration.Handle(services, turn, verb, ct);
            metrics.Invoke(time.GetElapsedTime(started), name, action, "ok", null);
            return card;
        }
        catch (Exception e)
        {
            metrics.Invoke(time.GetElapsedTime(started), name, action, "failed", e.GetType().FullName);
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().FullName);
            throw;
        }
    }
}

/// <summary>Binds a verb type to its handler; made by <c>AddCardAction</c>.</summary>
internal sealed record CardActionRegistration(Type Verb, Func<IServiceProvider, Turn, CardVerb, CancellationToken, Task<AdaptiveCard>> Handle);
