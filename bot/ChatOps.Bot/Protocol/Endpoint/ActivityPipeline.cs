using System.Text.Json;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Authentication;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Protocol.Deduplication;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Telemetry;
using ChatOps.Cards.Resources;

namespace ChatOps.Bot.Protocol.Endpoint;

/// <summary>One POST to /api/messages: read, authenticate, de-duplicate, route, answer.</summary>
internal sealed partial class ActivityPipeline(
    ActivityAuthenticator authenticator,
    ActivityReader reader,
    IProcessedActivities processed,
    TurnRouter router,
    IConnectorClient connector,
    ServiceUrls serviceUrls,
    ChatOpsMetrics metrics,
    TimeProvider time,
    ILogger<ActivityPipeline> log)
{
    private async Task<IResult> ProcessAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        string? authorization = http.Request.Headers.Authorization;
        if (authenticator.Enabled && string.IsNullOrEmpty(authorization))
            return Refuse(401, "no Authorization header");

        var read = await reader.ReadAsync(http.Request, ct);
        if (read.Activity is not { } activity)
            return Refuse(read.Status, read.Problem!);
        Describe(activity);

        if (authenticator.Enabled)
        {
            var auth = await AuthenticateAsync(authorization!, activity, ct);
            if (auth is not null)
                return auth;
            serviceUrls.Vouch(new Uri(activity.ServiceUrl!));
        }

        if (activity.Id is null)
            return Answer(await RunAsync(activity, ct));
        ClaimResult claim;
        try
        {
            claim = await processed.TryClaimAsync(activity, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not record activity {ActivityId}; storage is unavailable", activity.Id);
            return await StorageDownAsync(activity, ct);
        }
        if (!claim.Claimed)
            return Duplicate(activity, claim);

        TurnResult result;
        try
        {
            result = await RunAsync(activity, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ReleaseQuietlyAsync(activity);
            if (StorageFailure.Is(e))
            {
                log.LogError(e, "Turn {ActivityId} ({Type}) failed on storage; nothing was recorded", activity.Id, activity.Type);
                return await StorageDownAsync(activity, ct);
            }
            log.LogError(e, "Turn {ActivityId} ({Type}) failed; the channel will retry it", activity.Id, activity.Type);
            _outcome = "failed";
            return Unavailable();
        }
        var body = result.Body is null ? null : JsonSerializer.Serialize(result.Body, ActivityJson.Wire.InvokeResponseBody);
        try
        {
            await processed.CompleteAsync(activity, body, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The turn's effects are done; a redelivery may be treated as abandoned later, which is the lesser harm.
            log.LogWarning(e, "Could not mark activity {ActivityId} as done", activity.Id);
        }
        return Answer(result, body);
    }

    private async Task<IResult?> AuthenticateAsync(string authorization, Activity activity, CancellationToken ct)
    {
        try
        {
            var auth = await authenticator.AuthenticateAsync(authorization, activity, ct);
            return auth.IsAuthenticated ? null : Refuse(401, auth.Failure!);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogError(e, "Signing keys could not be fetched; asking the channel to retry");
            _outcome = "unavailable";
            return Unavailable();
        }
    }

    private Task<TurnResult> RunAsync(Activity activity, CancellationToken ct) => router.RouteAsync(new Turn(activity, connector), ct);
}
