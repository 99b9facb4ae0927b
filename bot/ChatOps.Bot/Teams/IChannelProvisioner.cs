using ChatOps.Incidents.Clients;

namespace ChatOps.Bot.Teams;

/// <summary>Gives an incident a channel in the client's team: Microsoft Graph in a tenant, a configured channel where none can be created.</summary>
public interface IChannelProvisioner
{
    Task<string> EnsureChannelAsync(Client client, string incidentId, string title, CancellationToken ct);
}
