using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOps.Bot.Protocol.Activities;

namespace ChatOps.Bot.Conversations.Commands;

/// <summary>The command in a message: the text with the bot's own @mention taken out.</summary>
internal static partial class CommandText
{
    public static bool MentionsBot(Activity activity) => BotMentions(activity).Any();

    public static string Strip(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in BotMentions(activity))
            text = text.Replace(mention, " ", StringComparison.Ordinal);
        // A mention whose entity is missing still arrives as <at>…</at>; a leading one addresses us.
        text = LeadingAt().Replace(text, " ");
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Splits "verb rest of line" into the lower-cased verb and the rest.</summary>
    public static (string Verb, string Arguments) Split(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (text.ToLowerInvariant(), "") : (text[..space].ToLowerInvariant(), text[(space + 1)..].Trim());
    }

    private static IEnumerable<string> BotMentions(Activity activity)
    {
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object &&
                entity.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "mention" &&
                entity.TryGetProperty("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object &&
                mentioned.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == botId &&
                entity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(text.GetString()))
            {
                yield return text.GetString()!;
            }
        }
    }

    [GeneratedRegex(@"^\s*<at>[^<]*</at>")]
    private static partial Regex LeadingAt();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
