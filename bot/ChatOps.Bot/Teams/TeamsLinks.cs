using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Teams;

/// <summary>Teams deep links, so a card can take a person straight to an incident's channel.</summary>
internal static class TeamsLinks
{
    public static Uri Channel(IncidentChannel channel, string tenantId, string name) => new(
        $"https://teams.microsoft.com/l/channel/{Uri.EscapeDataString(channel.ChannelId)}/{Uri.EscapeDataString(name)}" +
        $"?groupId={Uri.EscapeDataString(channel.TeamId)}&tenantId={Uri.EscapeDataString(tenantId)}");
}
