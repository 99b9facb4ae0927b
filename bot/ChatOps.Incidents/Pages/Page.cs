using System.Text.Json.Serialization;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Incidents.Pages;

/// <summary>
/// A page: the people to reach now (level 1 of an escalation policy, or one person), a message, and what followed:
/// each escalation to the next level, and the Ack that ends it.
/// </summary>
public sealed class Page
{
    [JsonConstructor]
    internal Page() { }

    internal Page(string id, PageReason reason, string message, string? policyId, int levels, IReadOnlyList<Person> targets, Person by, DateTimeOffset now)
    {
        Id = id;
        Reason = reason;
        Message = message;
        PolicyId = policyId;
        Levels = levels;
        RequestedBy = by;
        CreatedAt = now;
        Rounds = [new PageRound(1, [.. targets], now)];
    }

    [JsonInclude] public string Id { get; private set; } = "";
    [JsonInclude] public PageReason Reason { get; private set; }
    [JsonInclude] public string Message { get; private set; } = "";
    /// <summary>The escalation policy paged; null when one person was paged directly.</summary>
    [JsonInclude] public string? PolicyId { get; private set; }
    /// <summary>How many levels the policy has: after the last, nobody else is paged.</summary>
    [JsonInclude] public int Levels { get; private set; } = 1;
    [JsonInclude] public Person RequestedBy { get; private set; } = null!;
    [JsonInclude] public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Level 1, then each escalation: who was paged and when.</summary>
    [JsonInclude] public List<PageRound> Rounds { get; private set; } = [];
    [JsonInclude] public Person? AckedBy { get; private set; }
    [JsonInclude] public DateTimeOffset? AckedAt { get; private set; }

    public int Level => Rounds[^1].Level;

    public bool IsOpen => AckedAt is null;

    internal void Escalate(IReadOnlyList<Person> targets, DateTimeOffset now) => Rounds.Add(new PageRound(Level + 1, [.. targets], now));

    internal void Ack(Person by, DateTimeOffset now)
    {
        AckedBy = by;
        AckedAt = now;
    }
}

public sealed record PageRound(int Level, List<Person> Targets, DateTimeOffset At);

public enum PageReason
{
    Declared,
    Breach,
    Manual,
}
