using System.Text.Json;

namespace ChatOps.Acceptance.Tests.Playground;

/// <summary>
/// A message the bot posted, as the conversation stream pushes it:
/// <c>{action:"createMessage"|"updateMessage", actionConversationId, message:{messageId, text, attachments, postConversationId?}}</c>.
/// </summary>
internal sealed record PlaygroundMessage(string Action, string ConversationId, JsonElement Message)
{
    public string MessageId => Message.GetProperty("messageId").GetString()!;

    public string? Text => Message.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    /// <summary>The thread a first channel post started; replies in a thread carry the thread id as <see cref="ConversationId"/>.</summary>
    public string? PostConversationId =>
        Message.TryGetProperty("postConversationId", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    public IReadOnlyList<JsonElement> AdaptiveCards =>
        Message.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array
            ? [.. attachments.EnumerateArray()
                .Where(a => a.TryGetProperty("contentType", out var type) && type.GetString() == "application/vnd.microsoft.card.adaptive")
                .Select(a => a.GetProperty("content"))]
            : [];

    public bool IsIn(string conversationId) => ConversationId == conversationId || PostConversationId == conversationId;

    public static PlaygroundMessage? Parse(JsonElement pushed) =>
        pushed.TryGetProperty("action", out var action) && action.GetString() is "createMessage" or "updateMessage"
            ? new PlaygroundMessage(action.GetString()!, pushed.GetProperty("actionConversationId").GetString()!, pushed.GetProperty("message"))
            : null; // typing indicators

    public override string ToString() => $"{Action} in {ConversationId}: {Message.GetRawText()}";
}

/// <summary>
/// One exchange on the log stream, pushed after it completed:
/// <c>{logAction:"appendLog", log:{from, to, activityName, conversationId, request:{body}, response:{statusCode, body}}}</c>.
/// </summary>
internal sealed record PlaygroundExchange(JsonElement Log)
{
    public string? ActivityName => Log.TryGetProperty("activityName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;

    public string? ConversationId => Log.TryGetProperty("conversationId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;

    /// <summary>From the Playground to the bot (the log also carries the bot's own calls to the connector mock).</summary>
    public bool IsToBot => Log.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String && to.GetString() == "User Application";

    public int? StatusCode =>
        Log.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.Object &&
        r.TryGetProperty("statusCode", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null;

    public static PlaygroundExchange? Parse(JsonElement pushed) =>
        pushed.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.Object ? new PlaygroundExchange(log) : null;

    public override string ToString()
    {
        var response = Log.TryGetProperty("response", out var r) && r.TryGetProperty("body", out var body) ? body.GetRawText() : "";
        return $"{Log.GetProperty("from")} -> {Log.GetProperty("to")}: {ActivityName} in {ConversationId} → {StatusCode} {response[..Math.Min(response.Length, 300)]}";
    }
}
