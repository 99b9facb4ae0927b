using System.Text.Json.Nodes;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Incidents;

/// <summary>What happens around the checklist: the channel, its messages, and links to deliverables.</summary>
public sealed partial class Incident
{
    /// <summary>Links a deliverable document (SharePoint, a ticket) to a control point of any phase; only https links.</summary>
    public IReadOnlyList<TimelineEvent> AddLink(Playbook playbook, string pointId, Uri url, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        var point = playbook.FindControlPoint(pointId) ?? throw new IncidentRuleException(Rules.UnknownPoint, pointId);
        if (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps)
            throw new IncidentRuleException(Rules.HttpsOnly, url.OriginalString);
        var deliverable = point.Deliverables.FirstOrDefault()?.Id ?? "";
        var state = Points[point.Id];
        if (state.Links.Any(l => l.Url == url))
            return [];
        Points[point.Id] = state with { Links = [.. state.Links, new DeliverableLink(deliverable, url)] };
        return [Record("point.link", by, now, new JsonObject { ["point"] = point.Id, ["deliverable"] = deliverable, ["url"] = url.AbsoluteUri })];
    }

    /// <summary>A message in the incident's channel, posted, edited or deleted: recorded as it was, never rewritten.</summary>
    public IReadOnlyList<TimelineEvent> RecordMessage(string kind, string messageId, string? text, Person by, DateTimeOffset now) =>
        [Record($"message.{kind}", by, now, new JsonObject { ["message"] = messageId, ["text"] = text })];

    /// <summary>The incident's channel is open with its incident card and first checklist card.</summary>
    public IReadOnlyList<TimelineEvent> RecordChannel(IncidentChannel channel, Person by, DateTimeOffset now)
    {
        if (Channel is not null)
            return [];
        Channel = channel;
        return [Record("channel.opened", by, now, new JsonObject
        {
            ["team"] = channel.TeamId, ["channel"] = channel.ChannelId, ["conversation"] = channel.ConversationId,
        })];
    }

    /// <summary>Remembers the posted checklist card of a phase (not a timeline event: it is where the card is, not what happened).</summary>
    public void RecordChecklistCard(string phaseId, string activityId)
    {
        if (Channel is null)
            throw new InvalidOperationException($"Incident {Id} has no channel yet.");
        Channel.ChecklistCards[phaseId] = activityId;
    }
}
