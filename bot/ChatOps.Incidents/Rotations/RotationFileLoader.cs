using System.Text.RegularExpressions;
using ChatOps.Incidents.DataFiles;
using ChatOps.Incidents.Incidents;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Incidents.Rotations;

/// <summary>What the rotations file defines: the rotations and the escalation policies that page them.</summary>
public sealed record RotationFile(IReadOnlyList<Rotation> Rotations, IReadOnlyList<EscalationPolicy> Policies);

/// <summary>
/// Loads the rotations file: <c>people</c> (each once, with an id the rest refers to), <c>rotations</c> and
/// <c>escalationPolicies</c>. Any problem stops start with file, line and field, like the clients file.
/// </summary>
public static partial class RotationFileLoader
{
    public static RotationFile Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static RotationFile Parse(string yaml, string file)
    {
        var reader = new YamlReader(file);
        var root = YamlReader.Root(yaml, file, "with 'people' and 'rotations'");
        var people = People(reader, root);
        var rotations = reader.List(root, "rotations", "").Select(r => Rotation(reader, r.Node, r.Path, people)).ToList();
        var ids = rotations.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var policies = reader.List(root, "escalationPolicies", "", required: false)
            .Select(p => EscalationPolicyReader.Read(reader, p.Node, p.Path, people, ids)).ToList();
        Unique(reader, root, "rotations", rotations.Select(r => r.Id));
        Unique(reader, root, "escalationPolicies", policies.Select(p => p.Id));
        if (reader.Problems.Count > 0)
            throw new DataFileException(reader.Problems);
        return new RotationFile(rotations, policies);
    }

    /// <summary>An id the commands and the table keys can carry: lower-case letters, digits and dashes.</summary>
    internal static string Id(YamlReader reader, YamlMappingNode node, string path)
    {
        var id = reader.Text(node, "id", path);
        if (id.Length > 0 && !IdPattern().IsMatch(id))
            reader.Problem(YamlReader.At(node, "id"), $"{path}.id", "must be lower-case letters, digits and dashes, e.g. primary-oncall");
        return id;
    }

    /// <summary>A person named by their id in <c>people</c>; an unknown id is a problem at the value's line.</summary>
    internal static Person? Person(YamlReader reader, YamlNode node, string value, string field, IReadOnlyDictionary<string, Person> people)
    {
        if (people.TryGetValue(value, out var person))
            return person;
        reader.Problem(node, field, $"'{value}' is not one of the people ({string.Join(", ", people.Keys)})");
        return null;
    }

    private static Dictionary<string, Person> People(YamlReader reader, YamlMappingNode root)
    {
        var people = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var (node, path) in reader.List(root, "people", ""))
        {
            var id = Id(reader, node, path);
            var person = new Person(reader.Text(node, "aadObjectId", path), reader.Text(node, "name", path))
            {
                TeamsId = reader.Text(node, "teamsId", path, required: false) is { Length: > 0 } teamsId ? teamsId : null,
            };
            if (id.Length > 0 && !people.TryAdd(id, person))
                reader.Problem(node, $"{path}.id", $"'{id}' is used more than once");
        }
        return people;
    }

    private static Rotation Rotation(YamlReader reader, YamlMappingNode node, string path, IReadOnlyDictionary<string, Person> people)
    {
        var id = Id(reader, node, path);
        var timeZone = reader.Text(node, "timeZone", path);
        if (timeZone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            reader.Problem(YamlReader.At(node, "timeZone"), $"{path}.timeZone", $"'{timeZone}' is not a known time zone (use an IANA id such as Asia/Shanghai)");
        var layers = reader.List(node, "layers", path).Select(l => RotationLayerReader.Read(reader, l.Node, l.Path, people)).ToList();
        if (layers.Count == 0 && YamlReader.At(node, "layers") is YamlSequenceNode empty)
            reader.Problem(empty, $"{path}.layers", "a rotation needs at least one layer");
        return new Rotation(id, reader.Text(node, "name", path), timeZone, layers);
    }

    private static void Unique(YamlReader reader, YamlMappingNode root, string key, IEnumerable<string> ids)
    {
        foreach (var duplicate in ids.GroupBy(i => i, StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0 && g.Count() > 1))
            reader.Problem(YamlReader.At(root, key), key, $"id '{duplicate.Key}' is used more than once");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();
}
