namespace ChatOps.Incidents.Incidents;

/// <summary>Someone in Teams: the Entra object id is who they are; the name is for display.</summary>
public sealed record Person(string AadObjectId, string Name);
