using System.Text.Json;

namespace ChatOps.Acceptance.Tests.Playground;

/// <summary>Reads an Adaptive Card the way a person does: the words it shows, not its JSON keys or action data.</summary>
internal static class CardReading
{
    private static readonly HashSet<string> ShownProperties = ["text", "title", "value"];

    public static string VisibleText(JsonElement card)
    {
        var words = new List<string>();
        Collect(card, words);
        return string.Join(" | ", words);
    }

    private static void Collect(JsonElement element, List<string> words)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "data")
                        continue; // the payload sent back on a click, never shown
                    if (ShownProperties.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.String)
                        words.Add(property.Value.GetString()!);
                    else
                        Collect(property.Value, words);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, words);
                break;
        }
    }
}
