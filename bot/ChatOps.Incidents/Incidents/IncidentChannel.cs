namespace ChatOps.Incidents.Incidents;

/// <summary>Where an incident lives in Teams: its channel, the thread its cards are in, and the cards to update.</summary>
public sealed record IncidentChannel(string ServiceUrl, string TeamId, string ChannelId, string ConversationId, string IncidentCardId)
{
    /// <summary>The checklist card of each phase posted so far, by phase id, so a change can update it for everyone.</summary>
    public Dictionary<string, string> ChecklistCards { get; init; } = [];
}
