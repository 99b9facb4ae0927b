using System.Text.Json;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Conversations.IncidentChannels;

/// <summary>Someone @mentioned in a message: their Teams id, display name, and the mention's text in the message.</summary>
internal sealed record Mention(string Id, string Name, string Text);

/// <summary>The people a channel command names by @mention; their Entra ids come from the conversation's roster.</summary>
internal static class Mentions
{
    /// <summary>The first @mention that is not the bot.</summary>
    public static Mention? First(Turn turn)
    {
        foreach (var e in turn.Activity.Entities ?? [])
        {
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "mention" &&
                e.TryGetProperty("mentioned", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("id", out var id) &&
                id.ValueKind == JsonValueKind.String && id.GetString() != turn.Activity.Recipient?.Id)
            {
                var name = m.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : id.GetString()!;
                var text = e.TryGetProperty("text", out var x) && x.ValueKind == JsonValueKind.String ? x.GetString()! : $"<at>{name}</at>";
                return new Mention(id.GetString()!, name, text);
            }
        }
        return null;
    }

    /// <summary>The mentioned person by their Entra object id from the roster (the Teams id where the roster does not list them).</summary>
    public static async Task<Person> ResolveAsync(Turn turn, Mention mention, IConnectorClient connector, CancellationToken ct)
    {
        var members = await connector.GetMembersAsync(new Uri(turn.Activity.ServiceUrl!), turn.Activity.Conversation!.Id!, ct);
        var member = members.FirstOrDefault(m => m.Id == mention.Id);
        return new Person(member?.AadObjectId ?? mention.Id, member?.Name ?? mention.Name);
    }
}
