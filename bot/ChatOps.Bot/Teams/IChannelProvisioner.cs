using ChatOps.Incidents.Clients;

namespace ChatOps.Bot.Teams;

/// <summary>Gives an incident a channel in the client's team: Microsoft Graph in a tenant, a configured channel where none can be created.</summary>
public interface IChannelProvisioner
{
    Task<string> EnsureChannelAsync(Client client, string incidentId, string title, CancellationToken ct);
}

/// <summary>Development (the Playground) has no Graph: every incident opens as a new thread in the client's configured channel.</summary>
internal sealed class ConfiguredChannelProvisioner : IChannelProvisioner
{
    public Task<string> EnsureChannelAsync(Client client, string incidentId, string title, CancellationToken ct) =>
        Task.FromResult(client.IncidentChannelId
            ?? throw new InvalidOperationException($"Client '{client.Id}' has no incidentChannel and no Graph channel creation is configured."));
}
