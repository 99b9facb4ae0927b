using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Bot.Protocol.Activities;

/// <summary>The wire format: camelCase, nulls omitted, generated at compile time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(IReadOnlyList<ChannelAccount>))]
[JsonSerializable(typeof(InvokeResponseBody))]
public sealed partial class ActivityJson : JsonSerializerContext
{
    /// <summary>
    /// The context to use: Chinese text is written as UTF-8, not \u escapes (half the bytes), and so are &lt;, &gt;, &amp;
    /// and quotes, which JSON needs no escape for (the HTML-safe \u003C made text of them six times longer, past Teams' limits).
    /// </summary>
    public static ActivityJson Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary>The id the connector returns for a sent or updated activity.</summary>
public sealed record ResourceResponse(string? Id);

public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public IList<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public JsonElement? ChannelData { get; set; }
}

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>The HTTP body that answers an invoke: <c>{statusCode, type, value}</c>.</summary>
public sealed record InvokeResponseBody(int StatusCode, string? Type, JsonElement? Value);
