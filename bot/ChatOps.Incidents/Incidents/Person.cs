namespace ChatOps.Incidents.Incidents;

/// <summary>Someone in Teams: the Entra object id is who they are; the name is for display.</summary>
public sealed record Person(string AadObjectId, string Name)
{
    /// <summary>Their Teams user id (<c>29:…</c>) where known: what a card's <c>refresh.userIds</c> and mentions name.</summary>
    public string? TeamsId { get; init; }

    /// <summary>The bot itself, as the actor of events nobody caused (a request expiring, a clock's threshold, an escalation).</summary>
    public static Person Bot { get; } = new("chatops-bot", "ChatOps");
}
