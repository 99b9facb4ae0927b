using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Incidents;

/// <summary>Who works an incident: its commander, whoever declared it, and the client's responders. Only they change it.</summary>
internal static class ResponseTeam
{
    public static bool Includes(Incident incident, Client? client, Person person) =>
        person.AadObjectId == incident.Commander.AadObjectId || person.AadObjectId == incident.DeclaredBy.AadObjectId || client?.IsResponder(person.AadObjectId) == true;

    public static IReadOnlyList<Person> Members(Incident incident, Client? client) =>
        [.. new[] { incident.Commander, incident.DeclaredBy }.Concat(client?.Responders ?? []).DistinctBy(p => p.AadObjectId)];
}
