using ChatOps.Bot.Conversations;
using ChatOps.Bot.Conversations.Commands;
using ChatOps.Bot.Conversations.IncidentChannels;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Cards.Resources;
using ChatOps.Cards.Rotations;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Rotations;

namespace ChatOps.Bot.Rotations;

/// <summary>
/// <c>override &lt;rotation&gt; @someone &lt;from&gt; &lt;to&gt;</c> (or <c>me</c> for oneself), in a personal chat or an incident
/// channel: the person is on call for that interval, read in the rotation's time zone. Stored, so it outlives a restart.
/// </summary>
internal sealed class OverrideCommand(IRotationStore store, IConnectorClient connector, TimeProvider time) : ICommand, IIncidentCommand
{
    public async Task<TurnResult> RunAsync(Turn turn, string arguments, CancellationToken ct)
    {
        await OverrideAsync(turn, arguments, ct);
        return TurnResult.Ok;
    }

    public Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct) => OverrideAsync(turn, arguments, ct);

    private async Task OverrideAsync(Turn turn, string arguments, CancellationToken ct)
    {
        var mention = Mentions.First(turn);
        if (OverrideLine.Split(arguments, mention) is not { } words)
        {
            await turn.SendTextAsync(CardText.Get("Override.Usage", turn.Language), ct);
            return;
        }
        var rotations = await store.ListAsync(ct);
        if (rotations.FirstOrDefault(r => OnCallCommand.Names(r, words.Rotation)) is not { } rotation)
        {
            await turn.SendTextAsync(OnCallCommand.Unknown(words.Rotation, rotations, turn), ct);
            return;
        }
        var now = time.GetUtcNow();
        if (OverrideLine.Interval(words.Times, rotation.Zone(), now) is not { } interval)
        {
            await turn.SendTextAsync(CardText.Get("Override.Usage", turn.Language), ct);
            return;
        }
        try
        {
            var person = words.Me ? turn.Sender : await WhoAsync(turn, mention!, rotation, ct);
            var (changed, added) = rotation.Override(person, interval.From, interval.To, turn.Sender, now);
            await store.AddOverrideAsync(rotation.Id, added, ct);
            await turn.SendTextAsync(OnCallText.Confirmation(changed, added, turn.Language), ct);
        }
        catch (IncidentRuleException e)
        {
            await turn.SendTextAsync(CardText.Rule(e, turn.Language), ct);
        }
    }

    /// <summary>
    /// Someone on the rotation is known by their Teams id (the Playground's user-id-1 or Teams' 29:…); anyone else is looked
    /// up in the conversation's roster for their Entra id.
    /// </summary>
    private async Task<Person> WhoAsync(Turn turn, Mention mention, Rotation rotation, CancellationToken ct)
    {
        var known = rotation.People.FirstOrDefault(p => p.TeamsId is { } id && (mention.Id == id || mention.Id.EndsWith(":" + id, StringComparison.Ordinal)));
        return known ?? await Mentions.ResolveAsync(turn, mention, connector, ct) with { TeamsId = mention.Id };
    }
}
