using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Conversations.IncidentChannels;

/// <summary><c>note &lt;text&gt;</c>: a note on the incident's record, by anyone in the channel (whose every post is on the record anyway).</summary>
internal sealed class NoteCommand(IncidentWriter writer, TimeProvider time) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        try
        {
            // "note CP-03 text" notes the point as well; anything else is a note on the incident.
            var first = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            var point = first.Length == 2 && context.Playbook.FindControlPoint(first[0]) is { } p ? p.Id : null;
            var text = point is null ? arguments : first[1];
            await writer.AppendAsync(context.Incident.Id, i => i.AddNote(text, turn.Sender, time.GetUtcNow(), context.Playbook, point), ct);
            await turn.SendTextAsync(CardText.Format("Note.Recorded", turn.Language, context.Incident.Id), ct);
        }
        catch (IncidentRuleException e)
        {
            await turn.SendTextAsync(CardText.Rule(e, turn.Language), ct);
        }
    }
}

/// <summary><c>assign CP-03 @someone</c>: the mentioned person owns the point (their Entra id comes from the roster).</summary>
internal sealed class AssignCommand(IncidentWriter writer, IConnectorClient connector, TimeProvider time) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        if (!ResponseTeam.Includes(context.Incident, context.Client, turn.Sender))
        {
            await turn.SendTextAsync(CardText.Get("Assign.OnlyResponders", turn.Language), ct);
            return;
        }
        var point = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var mention = Mentions.First(turn);
        if (point is null || mention is null)
        {
            await turn.SendTextAsync(CardText.Get("Assign.Usage", turn.Language), ct);
            return;
        }
        var assignee = await Mentions.ResolveAsync(turn, mention, connector, ct);
        try
        {
            await writer.AppendAsync(context.Incident.Id, i => i.Assign(context.Playbook, point, assignee, turn.Sender, time.GetUtcNow()), ct);
            await turn.SendTextAsync(CardText.Format("Assign.Done", turn.Language, assignee.Name, point.ToUpperInvariant()), ct);
        }
        catch (IncidentRuleException e)
        {
            await turn.SendTextAsync(CardText.Rule(e, turn.Language), ct);
        }
    }
}

/// <summary><c>deliver CP-02 https://…</c>: links a deliverable document to a control point.</summary>
internal sealed class DeliverCommand(IncidentWriter writer, TimeProvider time) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        if (!ResponseTeam.Includes(context.Incident, context.Client, turn.Sender))
        {
            await turn.SendTextAsync(CardText.Get("Deliver.OnlyResponders", turn.Language), ct);
            return;
        }
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !Uri.TryCreate(parts[1].Trim('<', '>'), UriKind.Absolute, out var url))
        {
            await turn.SendTextAsync(CardText.Get("Deliver.Usage", turn.Language), ct);
            return;
        }
        try
        {
            await writer.AppendAsync(context.Incident.Id, i => i.AddLink(context.Playbook, parts[0], url, turn.Sender, time.GetUtcNow()), ct);
            await turn.SendTextAsync(CardText.Format("Deliver.Done", turn.Language, parts[0].ToUpperInvariant()), ct);
        }
        catch (IncidentRuleException e)
        {
            await turn.SendTextAsync(CardText.Rule(e, turn.Language), ct);
        }
    }
}
