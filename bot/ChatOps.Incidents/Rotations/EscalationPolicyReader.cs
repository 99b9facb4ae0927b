using ChatOps.Incidents.DataFiles;
using ChatOps.Incidents.Incidents;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Incidents.Rotations;

/// <summary>
/// Reads one escalation policy: <c>id</c>, <c>name</c>, optional <c>repeat</c> (0–10), and <c>levels</c>, each with
/// either <c>rotation</c> (a rotation id) or <c>person</c> (a people id), and <c>waitMinutes</c> before the next level.
/// </summary>
internal static class EscalationPolicyReader
{
    public static EscalationPolicy Read(YamlReader reader, YamlMappingNode node, string path, IReadOnlyDictionary<string, Person> people, IReadOnlySet<string> rotations)
    {
        var id = RotationFileLoader.Id(reader, node, path);
        var levels = reader.List(node, "levels", path).Select(l => Level(reader, l.Node, l.Path, people, rotations)).ToList();
        if (levels.Count == 0 && YamlReader.At(node, "levels") is YamlSequenceNode empty)
            reader.Problem(empty, $"{path}.levels", "a policy needs at least one level");
        return new EscalationPolicy(id, reader.Text(node, "name", path), levels)
        {
            Repeat = reader.Number(node, "repeat", path, 0, 10, 0),
        };
    }

    private static EscalationLevel Level(YamlReader reader, YamlMappingNode node, string path, IReadOnlyDictionary<string, Person> people, IReadOnlySet<string> rotations)
    {
        var rotation = reader.Text(node, "rotation", path, required: false);
        var person = reader.Text(node, "person", path, required: false);
        if ((rotation.Length > 0) == (person.Length > 0))
            reader.Problem(node, $"{path}.rotation", "give either a rotation or a person");
        if (rotation.Length > 0 && !rotations.Contains(rotation))
            reader.Problem(YamlReader.At(node, "rotation"), $"{path}.rotation", $"'{rotation}' is not one of the rotations ({string.Join(", ", rotations)})");
        var target = person.Length > 0 ? RotationFileLoader.Person(reader, YamlReader.At(node, "person"), person, $"{path}.person", people) : null;
        var wait = reader.Number(node, "waitMinutes", path, 1, 24 * 60, 0);
        if (wait == 0 && YamlReader.At(node, "waitMinutes") == node)
            reader.Problem(node, $"{path}.waitMinutes", "is missing (how long to wait for an Ack before the next level)");
        return new EscalationLevel(rotation.Length > 0 ? rotation : null, target, wait);
    }
}
