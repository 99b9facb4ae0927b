using ChatOps.Bot.Incidents;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Conversations.IncidentChannels;

/// <summary><c>ack</c>: a responder takes the incident on; the acknowledge clock stops.</summary>
internal sealed class AckCommand(IncidentWriter writer, TimeProvider time) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        if (!ResponseTeam.Includes(context.Incident, context.Client, turn.Sender))
        {
            await turn.SendTextAsync(CardText.Get("Ack.NotResponder", turn.Language), ct);
            return;
        }
        try
        {
            await writer.AppendAsync(context.Incident.Id, i => i.Acknowledge(turn.Sender, time.GetUtcNow()), ct);
            await turn.SendTextAsync(CardText.Format("Ack.Done", turn.Language, context.Incident.Id, turn.Sender.Name), ct);
        }
        catch (IncidentRuleException e)
        {
            await turn.SendTextAsync(CardText.Rule(e, turn.Language), ct);
        }
    }
}
