using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatOps.Cards.Adaptive;

/// <summary>Serialises cards the way Teams reads them: camelCase, nulls left out.</summary>
public static class CardJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese text stays readable and small (cards must stay under 28 KB), and so do <, > and &: JSON needs no escape
        // for them, and the HTML-safe \u003C made a proposal of them six times longer than Teams takes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // A click's data comes from outside: a verb missing an id, or with a null one, is no verb at all.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Options);

    public static string ToJson(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    public static JsonNode ToNode(AdaptiveCard card) => JsonSerializer.SerializeToNode(card, Options)!;

    /// <summary>Reads a verb from an invoke's <c>value.action.data</c> (or a submit's <c>value</c>); null when unknown.</summary>
    public static CardVerb? ReadVerb(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("verb", out var verb) || verb.ValueKind != JsonValueKind.String)
            return null;
        try
        {
            return data.Deserialize<CardVerb>(Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
