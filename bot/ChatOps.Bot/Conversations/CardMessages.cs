using ChatOps.Bot.Protocol.Activities;
using ChatOps.Cards.Adaptive;

namespace ChatOps.Bot.Conversations;

/// <summary>Message activities that carry one Adaptive Card (one card per activity, so each gets an id to update later).</summary>
internal static class CardMessages
{
    public static Activity Of(AdaptiveCard card, string? locale = null) => new()
    {
        Type = ActivityTypes.Message,
        Locale = locale,
        Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = CardJson.ToElement(card) }],
    };
}
