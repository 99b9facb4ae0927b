using ChatOps.Incidents.Clients;

namespace ChatOps.Bot.Teams;

/// <summary>Closes an incident's channel in the client's team when the incident closes.</summary>
public interface IChannelArchive
{
    /// <summary>Renames the incident's channel with a closed marker and archives it (read-only). Nothing for a client whose incidents are threads in a configured channel.</summary>
    Task ArchiveAsync(Client client, string channelId, string incidentId, string title, CancellationToken ct);
}
