using ChatOps.Cards.Checklists;
using ChatOps.Cards.Incidents;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Bot.Conversations.IncidentChannels;

/// <summary><c>status</c>: the incident card and the current checklist, fresh.</summary>
internal sealed class StatusCommand(ChatOps.Bot.Incidents.SlaCatalog sla, TimeProvider time) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        if (context.Client is { } client)
        {
            await turn.SendCardAsync(IncidentCard.Build(context.Incident, context.Playbook, client, turn.Language, TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone),
                clocks: sla.Read(context.Incident, time.GetUtcNow())), ct);
        }
        await turn.SendCardAsync(ChecklistCard.Build(context.Incident, context.Playbook, context.Incident.Phase, turn.Language), ct);
    }
}

/// <summary><c>phase</c>: the current phase's checklist again.</summary>
internal sealed class PhaseCommand : IIncidentCommand
{
    public Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct) =>
        turn.SendCardAsync(ChecklistCard.Build(context.Incident, context.Playbook, context.Incident.Phase, turn.Language), ct);
}

/// <summary><c>roles</c>: who commands, responds and approves.</summary>
internal sealed class RolesCommand : IIncidentCommand
{
    public Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        var none = CardText.Get("Roles.None", turn.Language);
        string Names(IEnumerable<ChatOps.Incidents.Incidents.Person>? people) => people?.Any() == true ? string.Join(", ", people.Select(p => p.Name)) : none;
        return turn.SendTextAsync(CardText.Format("Roles.Text", turn.Language, context.Incident.Commander.Name, Names(context.Client?.Responders), Names(context.Client?.Approvers)), ct);
    }
}

/// <summary><c>verify</c>: recomputes the record's hash chain and names the first broken link.</summary>
internal sealed class VerifyCommand(ChatOps.Incidents.Incidents.IIncidentStore store) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        var timeline = await store.ReadTimelineAsync(context.Incident.Id, ct);
        var result = ChainVerification.Verify(timeline, context.Incident.TimelineHead);
        await turn.SendTextAsync(result.Intact
            ? CardText.Format("Verify.Intact", turn.Language, result.Count, context.Incident.TimelineHead[..12])
            : CardText.Format("Verify.Broken", turn.Language, result.BrokenAt!, result.Reason!), ct);
    }
}
