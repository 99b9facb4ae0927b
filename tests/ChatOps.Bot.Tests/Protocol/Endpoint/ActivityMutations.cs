using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ChatOps.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace ChatOps.Bot.Tests.Protocol.Endpoint;

/// <summary>One fuzzed POST: how it was made and the bytes sent.</summary>
public sealed partial record FuzzCase(string Made, byte[] Body)
{
    private const int Shown = 3000;

    public override string ToString()
    {
        var text = Runs().Replace(Encoding.UTF8.GetString(Body), m => $"{m.Groups[1].Value}×{m.Length}");
        return $"{Made} ({Body.Length} bytes): {(text.Length > Shown ? text[..Shown] + "…" : text)}";
    }

    /// <summary>A run of one character (a huge string, deep nesting) shown as "x×250000".</summary>
    [GeneratedRegex(@"(.)\1{31,}")]
    private static partial Regex Runs();
}

/// <summary>
/// Mutations of the seed activities (drop, null, retype, hostile or huge strings, numbers at the limits, arrays for
/// objects, other conversations' and tenants' ids, deep or wide values), byte damage on top, and arbitrary JSON.
/// </summary>
internal static class ActivityMutations
{
    private enum Kind { Remove, Null, Retype, Empty, Hostile, Huge, Number, WrapInArray, OtherId, Deep, Wide }

    private sealed record Edit(Kind Kind, int Where, int Choice, string Text)
    {
        public override string ToString() => $"{Kind}@{Where}/{Choice}";
    }

    public static Gen<FuzzCase> Cases(FuzzScene scene) => Gen.Frequency(
        (8, Mutated(scene)),
        (2, ArbitraryJson.Documents(scene).Select(d => FuzzText.Encode(d.Made, d.Document, FuzzDamage.None, 0))));

    private static Gen<FuzzCase> Mutated(FuzzScene scene) =>
        from seed in Gen.Choose(0, ActivitySeeds.All.Count - 1)
        from id in Gen.Choose(0, int.MaxValue)
        from count in Gen.Choose(0, 3)
        from edits in EditGen.ListOf(count).Select(e => e.ToList())
        from damage in Gen.Frequency((6, Gen.Constant(FuzzDamage.None)), (1, Gen.Elements(Enum.GetValues<FuzzDamage>())))
        from at in Gen.Choose(0, int.MaxValue)
        select Build(scene, seed, id, edits, damage, at);

    private static Gen<Edit> EditGen { get; } =
        from kind in Gen.Elements(Enum.GetValues<Kind>())
        from place in Gen.Choose(0, int.MaxValue)
        from choice in Gen.Choose(0, int.MaxValue)
        from text in HostileText.Strings
        select new Edit(kind, place, choice, text);

    private static FuzzCase Build(FuzzScene scene, int seed, int id, List<Edit> edits, FuzzDamage damage, int at)
    {
        var (name, build) = ActivitySeeds.All[seed];
        var activity = build(scene);
        activity["id"] = $"fuzz:{id}";
        JsonNode? root = activity;
        foreach (var edit in edits)
            root = Apply(root!, edit, scene);
        return FuzzText.Encode($"{name} + [{string.Join(", ", edits)}] + {damage}", root, damage, at);
    }

    private static JsonNode? Apply(JsonNode root, Edit edit, FuzzScene scene)
    {
        var places = Places(root);
        if (places.Count == 0)
            return root;
        var (parent, key, index) = places[edit.Where % places.Count];
        var old = key is null ? parent[index] : parent[key];
        if (edit.Kind == Kind.Remove)
        {
            if (parent is JsonObject po)
                po.Remove(key!);
            else
                ((JsonArray)parent).RemoveAt(index);
            return root;
        }
        var value = edit.Kind switch
        {
            Kind.Null => null,
            Kind.Retype => JsonNode.Parse(Pick(FuzzValues.Retypes, edit.Choice)),
            Kind.Empty => JsonValue.Create(""),
            Kind.Hostile => JsonValue.Create(FuzzText.Sentinels(edit.Text)),
            Kind.Huge => JsonValue.Create(new string(edit.Choice % 2 == 0 ? 'x' : '文', Pick(FuzzValues.HugeLengths, edit.Choice))),
            Kind.Number => JsonNode.Parse(Pick(FuzzValues.Numbers, edit.Choice)),
            Kind.WrapInArray => new JsonArray(old?.DeepClone()),
            Kind.OtherId => JsonValue.Create(Pick(FuzzValues.OtherIds(scene), edit.Choice)),
            Kind.Deep => JsonValue.Create($"@@DEEP_{Pick(FuzzValues.Depths, edit.Choice)}@@"),
            _ => Wide(Pick(FuzzValues.Widths, edit.Choice)),
        };
        if (key is null)
            parent[index] = value;
        else
            parent[key] = value;
        return root;
    }

    /// <summary>Every place a value sits (object property or array item), depth first.</summary>
    private static List<(JsonNode Parent, string? Key, int Index)> Places(JsonNode root)
    {
        var places = new List<(JsonNode, string?, int)>();
        var stack = new Stack<JsonNode>([root]);
        while (stack.Count > 0 && places.Count < 10_000)
        {
            var node = stack.Pop();
            if (node is JsonObject obj)
            {
                foreach (var (key, child) in obj)
                {
                    places.Add((obj, key, 0));
                    if (child is JsonObject or JsonArray)
                        stack.Push(child);
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add((array, null, i));
                    if (array[i] is JsonObject or JsonArray)
                        stack.Push(array[i]!);
                }
            }
        }
        return places;
    }

    private static T Pick<T>(IReadOnlyList<T> items, int choice) => items[choice % items.Count];

    private static JsonObject Wide(int width)
    {
        var wide = new JsonObject();
        for (var i = 0; i < width; i++)
            wide[$"p{i}"] = i;
        return wide;
    }
}
