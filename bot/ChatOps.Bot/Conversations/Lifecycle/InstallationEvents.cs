using ChatOps.Cards.Help;

namespace ChatOps.Bot.Conversations.Lifecycle;

/// <summary>The app installed in a team, a group chat or a personal chat: say hello once.</summary>
internal sealed class InstallationEvents(ILogger<InstallationEvents> log)
{
    public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken ct)
    {
        log.LogInformation("Installation {Action} in {ConversationType}", turn.Activity.Action, turn.Activity.Conversation?.ConversationType);
        if (turn.Activity.Action == "add")
            await turn.SendCardAsync(WelcomeCard.Build(turn.Language), ct);
        return TurnResult.Ok;
    }
}
