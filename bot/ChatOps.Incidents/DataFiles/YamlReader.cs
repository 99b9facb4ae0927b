using ChatOps.Incidents.Playbooks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Incidents.DataFiles;

/// <summary>Reads fields off a YAML tree, noting each problem with its line and field path instead of throwing.</summary>
internal sealed class YamlReader(string file)
{
    public List<DataFileProblem> Problems { get; } = [];

    /// <summary>The file's one document as a mapping; a syntax error or another shape stops with file and line.</summary>
    public static YamlMappingNode Root(string yaml, string file, string expected)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
                ? root
                : throw new DataFileException([new DataFileProblem(file, 1, "(document)", $"must be one YAML mapping {expected}")]);
        }
        catch (YamlException e)
        {
            throw new DataFileException([new DataFileProblem(file, e.Start.Line, "(syntax)", e.Message)]);
        }
    }

    public void Problem(YamlNode node, string field, string message) => Problems.Add(new DataFileProblem(file, node.Start.Line, field, message));

    public string Text(YamlMappingNode map, string key, string path, bool required = true)
    {
        if (!TryGet(map, key, out var node))
        {
            if (required)
                Problem(map, $"{path}.{key}", "is missing");
            return "";
        }
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
            return value.Trim();
        Problem(node, $"{path}.{key}", "must be a non-empty text");
        return "";
    }

    public LocalizedText Localized(YamlMappingNode map, string key, string path)
    {
        if (!TryGet(map, key, out var node) || node is not YamlMappingNode texts)
        {
            Problem(node ?? map, $"{path}.{key}", "must give zh-CN and en");
            return new LocalizedText("", "");
        }
        return new LocalizedText(Text(texts, "zh-CN", $"{path}.{key}"), Text(texts, "en", $"{path}.{key}"));
    }

    public bool Flag(YamlMappingNode map, string key, string path, bool otherwise)
    {
        if (!TryGet(map, key, out var node))
            return otherwise;
        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
            return scalar.Value == "true";
        Problem(node, $"{path}.{key}", "must be true or false");
        return otherwise;
    }

    public int Number(YamlMappingNode map, string key, string path)
    {
        var text = Text(map, key, path);
        if (int.TryParse(text, out var n) && n > 0)
            return n;
        if (text.Length > 0)
            Problem(map, $"{path}.{key}", "must be a whole number above 0");
        return 0;
    }

    /// <summary>An optional nested mapping (absent: null); anything else is a problem.</summary>
    public YamlMappingNode? Mapping(YamlMappingNode map, string key, string path)
    {
        if (!TryGet(map, key, out var node))
            return null;
        if (node is YamlMappingNode mapping)
            return mapping;
        Problem(node, $"{path}.{key}", "must be a mapping");
        return null;
    }

    /// <summary>An optional whole number within bounds; absent gives <paramref name="otherwise"/>.</summary>
    public int Number(YamlMappingNode map, string key, string path, int min, int max, int otherwise)
    {
        if (!TryGet(map, key, out var node))
            return otherwise;
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, out var n) && n >= min && n <= max)
            return n;
        Problem(node, $"{path}.{key}", $"must be a whole number from {min} to {max}");
        return otherwise;
    }

    /// <summary>The mappings of a list; an absent optional list is empty.</summary>
    public IEnumerable<(YamlMappingNode Node, string Path)> List(YamlMappingNode map, string key, string path, bool required = true)
    {
        if (!TryGet(map, key, out var node))
        {
            if (required)
                Problem(map, $"{path}.{key}", "is missing");
            yield break;
        }
        if (node is not YamlSequenceNode items)
        {
            Problem(node, $"{path}.{key}", "must be a list");
            yield break;
        }
        var i = 0;
        foreach (var item in items)
        {
            if (item is YamlMappingNode mapping)
                yield return (mapping, $"{path}.{key}[{i}]");
            else
                Problem(item, $"{path}.{key}[{i}]", "must be a mapping");
            i++;
        }
    }

    public IReadOnlyList<(string Value, YamlNode Node)> Texts(YamlMappingNode map, string key, string path)
    {
        if (!TryGet(map, key, out var node))
            return [];
        if (node is YamlSequenceNode items && items.All(i => i is YamlScalarNode))
            return [.. items.Cast<YamlScalarNode>().Select(s => (s.Value ?? "", (YamlNode)s))];
        Problem(node, $"{path}.{key}", "must be a list of ids");
        return [];
    }

    /// <summary>The value node of a key, for pointing a problem at its line; the mapping itself when absent.</summary>
    public static YamlNode At(YamlMappingNode map, string key) => TryGet(map, key, out var node) ? node : map;

    private static bool TryGet(YamlMappingNode map, string key, out YamlNode node) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out node!);
}
