using System.Text.Json;
using ChatOps.Bot.Conversations.Commands;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Cards.Help;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Conversations.IncidentChannels;

/// <summary>
/// Messages in an incident's thread or channel: every post, edit and delete goes on the incident's record;
/// an @mention of the bot is an incident command. Elsewhere, messages go to the general commands.
/// </summary>
internal sealed class IncidentChannelRouter(
    IIncidentStore store, IncidentWriter writer, PlaybookCatalog playbooks, IClientDirectory clients,
    IEnumerable<IncidentCommandRegistration> registrations, IServiceProvider services, CommandRouter general, TimeProvider time)
{
    private readonly Dictionary<string, IncidentCommandRegistration> _byWord = registrations
        .SelectMany(r => r.Aliases.Prepend(r.Name).Select(w => (w, r))).ToDictionary(x => x.w, x => x.r, StringComparer.OrdinalIgnoreCase);

    public async Task<TurnResult> RouteAsync(Turn turn, CancellationToken ct)
    {
        var incidentId = await FindAsync(turn.Activity, ct);
        if (incidentId is null)
            return turn.Activity.Type == ActivityTypes.Message ? await general.RouteAsync(turn, ct) : TurnResult.Ignored;

        var kind = turn.Activity.Type switch { ActivityTypes.MessageUpdate => "edited", ActivityTypes.MessageDelete => "deleted", _ => "posted" };
        var by = turn.Sender;
        var stored = await writer.AppendAsync(incidentId, i => i.RecordMessage(kind, turn.Activity.Id ?? "", turn.Activity.Text, by, time.GetUtcNow()), ct);
        if (stored is null || kind != "posted" || !CommandText.MentionsBot(turn.Activity))
            return TurnResult.Ok;

        var (verb, arguments) = CommandText.Split(CommandText.Strip(turn.Activity));
        var playbook = playbooks.Get(stored.Incident.PlaybookId);
        var context = new IncidentContext(stored, playbook, await clients.FindAsync(stored.Incident.ClientId, ct));
        if (_byWord.TryGetValue(verb, out var registration))
            await ((IIncidentCommand)services.GetRequiredService(registration.Type)).RunAsync(turn, context, arguments, ct);
        else
            await turn.SendCardAsync(HelpCard.Build(turn.Language, [.. _byWord.Values.Distinct().Select(r => r.Name)]), ct);
        return TurnResult.Ok;
    }

    private async Task<string?> FindAsync(Activity activity, CancellationToken ct)
    {
        if (await store.FindByConversationAsync(activity.Conversation!.Id!, ct) is { } byThread)
            return byThread;
        return activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("channel", out var channel) &&
               channel.ValueKind == JsonValueKind.Object && channel.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? await store.FindByConversationAsync(id.GetString()!, ct)
            : null;
    }
}
