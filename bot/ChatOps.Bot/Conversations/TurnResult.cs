using System.Text.Json;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Cards.Adaptive;

namespace ChatOps.Bot.Conversations;

/// <summary>What the HTTP answer to a turn is: 200 with nothing, an invoke response body, or a status.</summary>
internal sealed record TurnResult(int Status, InvokeResponseBody? Body = null)
{
    public static TurnResult Ok { get; } = new(200);

    public static TurnResult Ignored { get; } = new(200);

    public static TurnResult NotImplemented { get; } = new(501);

    public static TurnResult Card(AdaptiveCard card) =>
        new(200, new InvokeResponseBody(200, AdaptiveCard.ContentType, CardJson.ToElement(card)));

    public static TurnResult Message(string text) =>
        new(200, new InvokeResponseBody(200, "application/vnd.microsoft.activity.message", JsonSerializer.SerializeToElement(text)));

    public static TurnResult Error(int status, string code, string message) =>
        new(200, new InvokeResponseBody(status, "application/vnd.microsoft.error", JsonSerializer.SerializeToElement(new { code, message })));
}
