using ChatOps.Cards.Resources;

namespace ChatOps.Bot.Conversations.Commands;

/// <summary>Routes a text message to its command; only messages addressed to the bot get an answer.</summary>
internal sealed class CommandRouter(CommandCatalog catalog, IServiceProvider services, ILogger<CommandRouter> log)
{
    private const int MaxEcho = 60;

    public async Task<TurnResult> RouteAsync(Turn turn, CancellationToken ct)
    {
        // In a channel or group chat the bot may see every message (RSC); it answers only when @mentioned.
        if (!turn.IsPersonal && !CommandText.MentionsBot(turn.Activity) && !(turn.Activity.Text ?? "").TrimStart().StartsWith("<at>", StringComparison.Ordinal))
            return TurnResult.Ignored;
        var (verb, arguments) = CommandText.Split(CommandText.Strip(turn.Activity));
        if (catalog.Find(verb) is { } type)
            return await ((ICommand)services.GetRequiredService(type)).RunAsync(turn, arguments, ct);

        log.LogInformation("Unknown command {Verb} in {ConversationType}", verb.Length > MaxEcho ? verb[..MaxEcho] : verb, turn.Activity.Conversation?.ConversationType);
        var hint = verb.Length == 0
            ? CardText.Get("Unknown.Empty", turn.Language)
            : CardText.Format("Unknown.Hint", turn.Language, verb.Length > MaxEcho ? verb[..MaxEcho] + "…" : verb);
        await turn.SendTextAsync(hint, ct);
        return TurnResult.Ok;
    }
}
