using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;

namespace ChatOps.Bot.Conversations.IncidentChannels;

/// <summary>A command given by @mention inside an incident's channel; it acts on that incident.</summary>
internal interface IIncidentCommand
{
    Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct);
}

/// <summary>The incident a channel message belongs to, with its playbook and client.</summary>
internal sealed record IncidentContext(StoredIncident Stored, Playbook Playbook, Client? Client)
{
    public Incident Incident => Stored.Incident;
}

internal sealed record IncidentCommandRegistration(string Name, IReadOnlyList<string> Aliases, Type Type);
