using System.Text.Json.Serialization;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Incidents.Rotations;

/// <summary>One level of an escalation policy: whoever is on call in a rotation, or one person; and how long to wait for an Ack.</summary>
public sealed record EscalationLevel(string? RotationId, Person? Person, int WaitMinutes)
{
    [JsonIgnore]
    public TimeSpan Wait => TimeSpan.FromMinutes(WaitMinutes);
}

/// <summary>Who a level pages at a time: none when its rotation has nobody on call then (or is unknown).</summary>
public sealed record EscalationTarget(int Level, EscalationLevel Source, Person? Person, OnCall? OnCall);

/// <summary>When a level is paged, counted from the first page: round 0 is the first pass through the levels.</summary>
public sealed record EscalationStep(int Round, int Level, TimeSpan After);

/// <summary>
/// Page level 1; wait its minutes for an Ack; then level 2; … After the last level's wait, the whole sequence
/// runs again <see cref="Repeat"/> more times. The pager (Jobs) drives it; this only says who and when.
/// </summary>
public sealed record EscalationPolicy(string Id, string Name, IReadOnlyList<EscalationLevel> Levels)
{
    public int Repeat { get; init; }

    /// <summary>Every page the policy makes while nobody acknowledges, in order, with its delay after the first.</summary>
    public IReadOnlyList<EscalationStep> Steps()
    {
        var steps = new List<EscalationStep>();
        var after = TimeSpan.Zero;
        for (var round = 0; round <= Repeat; round++)
        {
            for (var level = 0; level < Levels.Count; level++)
            {
                steps.Add(new EscalationStep(round, level + 1, after));
                after += Levels[level].Wait;
            }
        }
        return steps;
    }

    /// <summary>Who each level (1-based) pages at the instant, looking rotations up by id.</summary>
    public IReadOnlyList<EscalationTarget> Resolve(DateTimeOffset at, Func<string, Rotation?> rotations) =>
        [.. Levels.Select((level, i) => Target(i + 1, level, at, rotations))];

    /// <summary>Who level <paramref name="level"/> (1-based) pages at the instant.</summary>
    public EscalationTarget Resolve(int level, DateTimeOffset at, Func<string, Rotation?> rotations) =>
        Target(level, Levels[level - 1], at, rotations);

    private static EscalationTarget Target(int number, EscalationLevel level, DateTimeOffset at, Func<string, Rotation?> rotations)
    {
        if (level.RotationId is not { } rotationId)
            return new EscalationTarget(number, level, level.Person, null);
        var onCall = rotations(rotationId)?.WhoIsOnCall(at);
        return new EscalationTarget(number, level, onCall?.Person, onCall);
    }
}
