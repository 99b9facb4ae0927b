using System.Text.Json;
using ChatOps.Bot.Conversations.CardActions;
using ChatOps.Bot.Conversations.Commands;
using ChatOps.Bot.Conversations.IncidentChannels;
using ChatOps.Bot.Conversations.Lifecycle;
using ChatOps.Bot.Protocol.Activities;

namespace ChatOps.Bot.Conversations;

/// <summary>Routes a turn by activity type, invoke name, command or card verb. It only routes.</summary>
internal sealed class TurnRouter(CommandRouter commands, IncidentChannelRouter incidentChannels, CardActionRouter cardActions, InstallationEvents installation, ILogger<TurnRouter> log)
{
    public Task<TurnResult> RouteAsync(Turn turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message when activity.Value is { ValueKind: JsonValueKind.Object } && string.IsNullOrWhiteSpace(activity.Text):
                return cardActions.SubmitAsync(turn, ct);
            case ActivityTypes.Message when activity.Conversation?.ConversationType == "channel":
            case ActivityTypes.MessageUpdate or ActivityTypes.MessageDelete when activity.Conversation?.ConversationType == "channel":
                return incidentChannels.RouteAsync(turn, ct);
            case ActivityTypes.Message:
                return commands.RouteAsync(turn, ct);
            case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                return cardActions.ExecuteAsync(turn, ct);
            case ActivityTypes.Invoke:
                log.LogWarning("Invoke {Name} is not implemented", activity.Name);
                return Task.FromResult(TurnResult.NotImplemented);
            case ActivityTypes.InstallationUpdate:
                return installation.HandleAsync(turn, ct);
            default:
                log.LogInformation("Activity of type {Type} ignored", activity.Type);
                return Task.FromResult(TurnResult.Ignored);
        }
    }
}
