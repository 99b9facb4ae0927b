using System.Globalization;
using System.Text.Json;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Conversations;

/// <summary>One inbound activity and the means to answer it in its conversation.</summary>
internal sealed class Turn(Activity activity, IConnectorClient connector)
{
    public Activity Activity { get; } = activity;

    public CultureInfo Language { get; } = Languages.FromLocale(activity.Locale);

    /// <summary>Who sent the activity: their Entra object id (the Teams id where Teams gives none) and name.</summary>
    public Person Sender { get; } = new(activity.From?.AadObjectId ?? activity.From?.Id ?? "unknown", activity.From?.Name ?? "?");

    /// <summary>The Entra tenant the sender signed in to (Teams puts it on the conversation and in channelData).</summary>
    public string? TenantId { get; } = activity.Conversation?.TenantId
        ?? (activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("tenant", out var t) && t.ValueKind == JsonValueKind.Object &&
            t.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);

    public bool IsPersonal => Activity.Conversation?.ConversationType is null or "personal";

    public Task<ResourceResponse> SendCardAsync(AdaptiveCard card, CancellationToken ct) =>
        SendAsync(Reply(a => a.Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = CardJson.ToElement(card) }]), ct);

    /// <summary>Plain text: Teams shows it literally, so user input echoed in it cannot format or link.</summary>
    public Task<ResourceResponse> SendTextAsync(string text, CancellationToken ct) =>
        SendAsync(Reply(a => { a.Text = text; a.TextFormat = "plain"; }), ct);

    private Task<ResourceResponse> SendAsync(Activity reply, CancellationToken ct) =>
        connector.SendAsync(new Uri(Activity.ServiceUrl!), Activity.Conversation!.Id!, reply, ct);

    private Activity Reply(Action<Activity> fill)
    {
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            From = Activity.Recipient,
            Recipient = Activity.From,
            Conversation = Activity.Conversation,
            ReplyToId = Activity.Id,
            Locale = Language.Name,
            ChannelData = Activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("tenant", out var tenant)
                ? JsonSerializer.SerializeToElement(new { tenant })
                : null,
        };
        fill(reply);
        return reply;
    }
}
