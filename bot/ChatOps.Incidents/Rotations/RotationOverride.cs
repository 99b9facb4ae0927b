using ChatOps.Incidents.Incidents;

namespace ChatOps.Incidents.Rotations;

/// <summary>Someone takes a rotation's shifts for an interval [From, To): they are on call then, whatever the layers say.</summary>
public sealed record RotationOverride(Person Person, DateTimeOffset From, DateTimeOffset To, Person AddedBy, DateTimeOffset AddedAt)
{
    /// <summary>The longest override: longer cover belongs in the layers.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(31);

    public bool Covers(DateTimeOffset at) => at >= From && at < To;
}

/// <summary>Who is on call: the person, and the layer that puts them there or the override that does.</summary>
public sealed record OnCall(Person Person, string? Layer, RotationOverride? Override)
{
    public bool Is(Person? other) => other is not null && other.AadObjectId == Person.AadObjectId;
}

/// <summary>The next change of who is on call: when, and who is on call from then (none: nobody is).</summary>
public sealed record ShiftChange(DateTimeOffset At, OnCall? OnCall);
