using System.Text.Json.Nodes;

namespace ChatOps.Testing;

/// <summary>
/// Where text a person typed may appear in a card: as a TextRun (shown literally, no Markdown), as an input's value (a
/// form kept as typed), inside an action's data (the bot's own payload, never shown), or escaped in the path or query of
/// an https link the bot made (a Teams deep link naming the channel). Anywhere else (a TextBlock or a fact, which Teams
/// renders as Markdown, a title, a link's scheme or host, a mention, a refresh audience) it could format, link or mention.
/// </summary>
public static class UserTextInCards
{
    /// <summary>Each place in the card where a string holding <paramref name="marker"/> sits outside those three.</summary>
    public static IReadOnlyList<string> Misplaced(JsonNode card, string marker)
    {
        var found = new List<string>();
        Visit(card, null, "$", inData: false, marker, found);
        return found;
    }

    /// <summary>The card's Action.OpenUrl targets and @mention entities: user text must never add to them.</summary>
    public static (IReadOnlyList<string> Urls, int Mentions) LinksAndMentions(JsonNode card)
    {
        var urls = new List<string>();
        var stack = new Stack<JsonNode?>([card]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject o:
                    if ((string?)o["type"] == "Action.OpenUrl")
                        urls.Add((string?)o["url"] ?? "");
                    foreach (var (_, child) in o)
                        stack.Push(child);
                    break;
                case JsonArray a:
                    foreach (var child in a)
                        stack.Push(child);
                    break;
            }
        }
        return (urls, (card["msteams"]?["entities"] as JsonArray)?.Count ?? 0);
    }

    private static void Visit(JsonNode? node, JsonObject? parent, string path, bool inData, string marker, List<string> found)
    {
        switch (node)
        {
            case JsonObject o:
                var type = o["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
                foreach (var (name, child) in o)
                    Visit(child, o, $"{path}.{name}", inData || (name == "data" && type is "Action.Execute" or "Action.Submit"), marker, found);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    Visit(a[i], null, $"{path}[{i}]", inData, marker, found);
                break;
            case JsonValue v when v.TryGetValue<string>(out var text) && text.Contains(marker, StringComparison.Ordinal) && !inData && !IsLiteral(parent, path, marker):
                found.Add($"{path} ({(string?)parent?["type"] ?? "array"}): {text[..Math.Min(text.Length, 80)]}");
                break;
        }
    }

    private static bool IsLiteral(JsonObject? parent, string path, string marker)
    {
        var type = parent?["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : "";
        return (type == "TextRun" && path.EndsWith(".text", StringComparison.Ordinal)) ||
               (type.StartsWith("Input.", StringComparison.Ordinal) && path.EndsWith(".value", StringComparison.Ordinal)) ||
               (type == "Action.OpenUrl" && path.EndsWith(".url", StringComparison.Ordinal) && IsEscapedInBotsLink((string?)parent!["url"], marker));
    }

    private static bool IsEscapedInBotsLink(string? url, string marker) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !uri.Authority.Contains(marker, StringComparison.Ordinal) &&
        uri.AbsoluteUri == url && !uri.AbsolutePath.Contains("..", StringComparison.Ordinal);
}
