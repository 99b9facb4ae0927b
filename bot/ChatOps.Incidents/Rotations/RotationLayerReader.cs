using System.Globalization;
using ChatOps.Incidents.DataFiles;
using ChatOps.Incidents.Incidents;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Incidents.Rotations;

/// <summary>
/// Reads one layer of the rotations file: <c>name</c>, <c>kind</c> (daily or weekly), <c>start</c> (yyyy-MM-dd),
/// <c>handoff</c> (HH:mm, local), <c>participants</c> (people ids, in turn order) and optional <c>only</c> hours.
/// </summary>
internal static class RotationLayerReader
{
    private static readonly string[] DayNames = [.. Enum.GetNames<DayOfWeek>().Select(d => d.ToLowerInvariant())];

    public static RotationLayer Read(YamlReader reader, YamlMappingNode node, string path, IReadOnlyDictionary<string, Person> people)
    {
        var kind = reader.Text(node, "kind", path) switch
        {
            "daily" => ShiftKind.Daily,
            "weekly" => ShiftKind.Weekly,
            "" => ShiftKind.Daily,
            _ => Problem(reader, node, "kind", path, "must be daily or weekly", ShiftKind.Daily),
        };
        var start = Date(reader, node, "start", path);
        if (kind == ShiftKind.Weekly && reader.Text(node, "handoffDay", path, required: false) is { Length: > 0 } day && start != default &&
            !string.Equals(day, start.DayOfWeek.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            reader.Problem(YamlReader.At(node, "handoffDay"), $"{path}.handoffDay",
                $"a weekly layer starts on its handoff day, and {start:yyyy-MM-dd} is a {start.DayOfWeek}, not a {day}");
        }
        var named = reader.Texts(node, "participants", path);
        var participants = new List<Person>();
        foreach (var (value, at) in named)
        {
            if (RotationFileLoader.Person(reader, at, value, $"{path}.participants", people) is { } person)
                participants.Add(person);
        }
        if (named.Count == 0 && YamlReader.At(node, "participants") is var list && (list == node || list is YamlSequenceNode { Children.Count: 0 }))
            reader.Problem(list, $"{path}.participants", "a layer needs at least one participant (a list of people ids)");
        return new RotationLayer(reader.Text(node, "name", path), kind, Time(reader, node, "handoff", path), start, participants)
        {
            Only = Window(reader, node, path),
        };
    }

    /// <summary><c>only: business-hours</c>, or <c>only: { days: [monday, …], from: "09:00", to: "18:00" }</c> (days default to every day).</summary>
    private static TimeWindow? Window(YamlReader reader, YamlMappingNode node, string path)
    {
        if (YamlReader.At(node, "only") is YamlScalarNode { Value: "business-hours" })
            return TimeWindow.BusinessHours;
        if (YamlReader.At(node, "only") is YamlScalarNode)
            return Problem<TimeWindow?>(reader, node, "only", path, "must be business-hours or a mapping with days, from and to", null);
        if (reader.Mapping(node, "only", path) is not { } only)
            return null;
        var days = new List<DayOfWeek>();
        foreach (var (value, at) in reader.Texts(only, "days", $"{path}.only"))
        {
            if (Array.IndexOf(DayNames, value.ToLowerInvariant()) is var index and >= 0)
                days.Add((DayOfWeek)index);
            else
                reader.Problem(at, $"{path}.only.days", $"'{value}' is not a weekday ({string.Join(", ", DayNames)})");
        }
        var from = Time(reader, only, "from", $"{path}.only");
        var to = Time(reader, only, "to", $"{path}.only");
        if (from == to && reader.Text(only, "from", $"{path}.only", required: false).Length > 0)
            reader.Problem(YamlReader.At(only, "to"), $"{path}.only.to", "must differ from 'from' (for all day, leave 'only' out)");
        return new TimeWindow(days.Count > 0 ? days : [.. Enum.GetValues<DayOfWeek>()], from, to);
    }

    private static TimeOnly Time(YamlReader reader, YamlMappingNode node, string key, string path)
    {
        var text = reader.Text(node, key, path);
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        return text.Length > 0 ? Problem(reader, node, key, path, "must be a local time as HH:mm, e.g. \"09:00\"", default(TimeOnly)) : default;
    }

    private static DateOnly Date(YamlReader reader, YamlMappingNode node, string key, string path)
    {
        var text = reader.Text(node, key, path);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        return text.Length > 0 ? Problem(reader, node, key, path, "must be a date as yyyy-MM-dd, e.g. 2026-11-02", default(DateOnly)) : default;
    }

    private static T Problem<T>(YamlReader reader, YamlMappingNode node, string key, string path, string message, T otherwise)
    {
        reader.Problem(YamlReader.At(node, key), $"{path}.{key}", message);
        return otherwise;
    }
}
