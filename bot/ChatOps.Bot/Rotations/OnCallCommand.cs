using ChatOps.Bot.Conversations;
using ChatOps.Bot.Conversations.Commands;
using ChatOps.Bot.Conversations.IncidentChannels;
using ChatOps.Cards.Resources;
using ChatOps.Cards.Rotations;
using ChatOps.Incidents.Rotations;

namespace ChatOps.Bot.Rotations;

/// <summary><c>oncall [rotation]</c>, in a personal chat or an incident channel: who is on call now and who is next, per rotation.</summary>
internal sealed class OnCallCommand(IRotationStore store, TimeProvider time) : ICommand, IIncidentCommand
{
    public async Task<TurnResult> RunAsync(Turn turn, string arguments, CancellationToken ct)
    {
        await AnswerAsync(turn, arguments, ct);
        return TurnResult.Ok;
    }

    public Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct) => AnswerAsync(turn, arguments, ct);

    private async Task AnswerAsync(Turn turn, string arguments, CancellationToken ct)
    {
        var rotations = await store.ListAsync(ct);
        var name = arguments.Trim();
        var shown = name.Length == 0 ? rotations : [.. rotations.Where(r => Names(r, name))];
        var now = time.GetUtcNow();
        await turn.SendTextAsync(
            rotations.Count == 0 ? CardText.Get("OnCall.None", turn.Language)
            : shown.Count == 0 ? Unknown(name, rotations, turn)
            : string.Join("\n", shown.Select(r => OnCallText.Line(r, now, turn.Language))), ct);
    }

    /// <summary>There is no such rotation: these are. The unknown name is echoed, cut short.</summary>
    internal static string Unknown(string name, IEnumerable<Rotation> rotations, Turn turn) =>
        CardText.Format("OnCall.Unknown", turn.Language, name.Length > 60 ? name[..60] + "…" : name, string.Join(", ", rotations.Select(r => r.Id)));

    /// <summary>A rotation is named by its id or its name, in any case.</summary>
    internal static bool Names(Rotation rotation, string name) =>
        rotation.Id.Equals(name, StringComparison.OrdinalIgnoreCase) || rotation.Name.Equals(name, StringComparison.OrdinalIgnoreCase);
}
