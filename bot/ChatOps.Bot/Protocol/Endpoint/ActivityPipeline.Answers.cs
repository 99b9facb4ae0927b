using System.Text.Json;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Authentication;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Protocol.Deduplication;
using ChatOps.Bot.Storage;
using ChatOps.Cards.Resources;

namespace ChatOps.Bot.Protocol.Endpoint;

/// <summary>The answers a turn can end with: a duplicate's, a refusal, "retry later", storage down.</summary>
internal sealed partial class ActivityPipeline
{
    /// <summary>
    /// A redelivery. Of an unfinished message (its first delivery still running, or its process killed mid-turn) the
    /// channel is asked to retry: a 200 would lose it for good if the first never finishes. The retry gets 200 once
    /// the first has finished, or takes the claim over once it counts as abandoned.
    /// </summary>
    private IResult Duplicate(Activity activity, ClaimResult claim)
    {
        _outcome = "duplicate";
        if (activity.Type != ActivityTypes.Invoke && !claim.Finished)
        {
            log.LogInformation("Activity {ActivityId} ({Type}) delivered again before its first delivery finished; the channel will retry it", activity.Id, activity.Type);
            return Unavailable();
        }
        log.LogInformation("Activity {ActivityId} ({Type}) delivered again; not processed twice", activity.Id, activity.Type);
        if (activity.Type != ActivityTypes.Invoke)
            return TypedResults.Ok();
        return claim.InvokeResponseJson is { } stored
            ? TypedResults.Content(stored, "application/json")
            : Answer(TurnResult.Message(CardText.Get("Invoke.StillWorking", Languages.FromLocale(activity.Locale))));
    }

    /// <summary>
    /// Storage is down, so nothing was recorded: a person who asked us something is told to try again (the
    /// connector does not need storage); anything else is left for the channel to redeliver.
    /// </summary>
    private async Task<IResult> StorageDownAsync(Activity activity, CancellationToken ct)
    {
        _outcome = "storage_unavailable";
        var text = CardText.Get("Storage.Unavailable", Languages.FromLocale(activity.Locale));
        if (activity.Type == ActivityTypes.Invoke)
            return Answer(TurnResult.Error(503, "StorageUnavailable", text));
        var asked = activity.Type == ActivityTypes.Message && (activity.Conversation?.ConversationType is null or "personal" || Conversations.Commands.CommandText.MentionsBot(activity));
        if (!asked)
            return Unavailable();
        try
        {
            await new Turn(activity, connector).SendTextAsync(text, ct);
            return TypedResults.Ok();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not tell the user that storage is unavailable");
            return Unavailable();
        }
    }

    private async Task ReleaseQuietlyAsync(Activity activity)
    {
        try
        {
            await processed.ReleaseAsync(activity, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not release activity {ActivityId}; a retry will take it over once abandoned", activity.Id);
        }
    }

    private static IResult Answer(TurnResult result, string? body = null) =>
        result.Body is null
            ? TypedResults.StatusCode(result.Status)
            : TypedResults.Content(body ?? JsonSerializer.Serialize(result.Body, ActivityJson.Wire.InvokeResponseBody), "application/json");

    private IResult Refuse(int status, string reason)
    {
        _outcome = "refused";
        log.LogWarning("Refused an activity with {Status}: {Reason}", status, reason);
        return TypedResults.Problem(statusCode: status, detail: status == 401 ? "Unauthorized." : reason);
    }

    /// <summary>503 with Retry-After: the channel retries the same activity, which the claim release lets through.</summary>
    private static IResult Unavailable() => new RetryLater();

    private sealed class RetryLater : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => 503;

        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(statusCode: 503, detail: "Temporarily unavailable; retry.").ExecuteAsync(http);
        }
    }
}
