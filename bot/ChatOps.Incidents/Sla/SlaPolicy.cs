using System.Text.Json.Nodes;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Sla;

/// <summary>A contract's clocks (seed 004: 7×24 response; the asset list within 5 natural days) and the warnings before each deadline.</summary>
public sealed record SlaPolicy(string Id, LocalizedText Name, IReadOnlyList<int> Warnings, IReadOnlyList<ClockDefinition> Clocks);

/// <summary>One clock: which event starts and stops it, its target per severity, its calendar, and whether waiting on the client pauses it.</summary>
public sealed record ClockDefinition(
    string Id, LocalizedText Name, string CalendarId, EventTrigger Starts, EventTrigger Stops, bool PausesForClient, IReadOnlyDictionary<string, TimeSpan> Targets);

/// <summary>A timeline event type with optional data fields it must carry, written <c>phase.advanced from=containment</c>.</summary>
public sealed record EventTrigger(string Type, IReadOnlyDictionary<string, string> Where)
{
    public static EventTrigger Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var where = parts.Skip(1).Select(p => p.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        if (parts.Length == 0 || where.Count != parts.Length - 1)
            throw new FormatException($"'{text}' is not an event trigger (type, then field=value pairs)");
        return new EventTrigger(parts[0], where);
    }

    public bool Matches(TimelineEvent e) =>
        e.Type == Type && Where.All(w => e.Data[w.Key] is JsonValue v && v.TryGetValue<string>(out var s) && string.Equals(s, w.Value, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => string.Join(' ', Where.Select(w => $"{w.Key}={w.Value}").Prepend(Type));
}
