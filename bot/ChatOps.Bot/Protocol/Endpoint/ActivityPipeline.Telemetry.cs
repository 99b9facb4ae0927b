using ChatOps.Bot.Protocol.Activities;
using ChatOps.Incidents.Telemetry;

namespace ChatOps.Bot.Protocol.Endpoint;

/// <summary>Each turn is a span and a measurement of its latency, tagged with what kind of turn it was and how it ended.</summary>
internal sealed partial class ActivityPipeline
{
    /// <summary>The activity types Teams documents: anything else is "other", so a caller cannot mint tag values.</summary>
    private static readonly HashSet<string> KnownTypes =
    [
        ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.MessageUpdate,
        ActivityTypes.MessageDelete, ActivityTypes.MessageReaction, ActivityTypes.Typing, ActivityTypes.Event,
    ];

    private System.Diagnostics.Activity? _span;
    private string _type = "unknown";
    private string? _invoke;
    private string _outcome = "processed";

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var started = time.GetTimestamp();
        using var span = _span = ChatOpsTelemetry.Source.StartActivity("turn");
        try
        {
            var result = await ProcessAsync(http);
            Record(started, (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK);
            return result;
        }
        catch (Exception e)
        {
            _outcome = e is OperationCanceledException ? "cancelled" : "failed";
            span?.AddException(e);
            Record(started, StatusCodes.Status500InternalServerError);
            throw;
        }
    }

    /// <summary>Only names Teams defines reach the tags: never text, ids or tenants from the activity.</summary>
    private void Describe(Activity activity)
    {
        _type = activity.Type is { } type && KnownTypes.Contains(type) ? type : "other";
        if (_type == ActivityTypes.Invoke)
            _invoke = activity.Name == InvokeNames.AdaptiveCardAction ? InvokeNames.AdaptiveCardAction : "other";
        if (_span is null)
            return;
        _span.DisplayName = $"turn {_type}";
        _span.SetTag("chatops.activity.type", _type);
        _span.SetTag("chatops.invoke.name", _invoke);
    }

    private void Record(long started, int status)
    {
        metrics.Turn(time.GetElapsedTime(started), _type, _invoke, _outcome, status);
        if (_span is null)
            return;
        _span.SetTag("chatops.turn.outcome", _outcome);
        _span.SetTag("http.response.status_code", status);
        if (status >= 500)
            _span.SetStatus(System.Diagnostics.ActivityStatusCode.Error, _outcome);
    }
}
