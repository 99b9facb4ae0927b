using System.Text.Json.Nodes;
using ChatOps.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace ChatOps.Bot.Tests.Protocol.Endpoint;

/// <summary>Arbitrary JSON documents: any value at all, or an object with an activity's skeleton and arbitrary fields around it.</summary>
internal static class ArbitraryJson
{
    private static readonly string[] Keys =
    [
        "type", "id", "name", "text", "value", "action", "data", "verb", "conversation", "from", "recipient", "channelData", "tenant", "entities",
        "mentioned", "attachments", "membersAdded", "serviceUrl", "channelId", "locale", "replyToId", "incidentId", "aadObjectId", "conversationType",
    ];

    private static readonly string[] Types = ["message", "invoke", "conversationUpdate", "installationUpdate", "messageUpdate", "messageDelete", "messageReaction", "event", "typing"];

    public static Gen<(string Made, JsonNode? Document)> Documents(FuzzScene scene) => Gen.Frequency(
        (1, Value(4).Select(v => ("arbitrary JSON", v))),
        (3, Skeleton(scene)));

    /// <summary>Gets past the reader's checks (a type, a service URL, a conversation id), so what follows meets the router.</summary>
    private static Gen<(string, JsonNode?)> Skeleton(FuzzScene scene) =>
        from type in Gen.Elements(Types)
        from fields in Gen.Zip(Gen.Elements(Keys), Value(3)).ListOf().Select(f => f.Take(12).ToList())
        select ("arbitrary fields on a skeleton", (JsonNode?)Fill(new JsonObject
        {
            ["type"] = type,
            ["name"] = type == "invoke" ? "adaptiveCard/action" : null,
            ["serviceUrl"] = scene.ServiceUrl,
            ["channelId"] = "msteams",
            ["conversation"] = new JsonObject { ["id"] = scene.Thread, ["conversationType"] = "channel" },
        }, fields));

    private static JsonObject Fill(JsonObject target, List<(string Key, JsonNode? Value)> fields)
    {
        foreach (var (key, value) in fields)
            target[key] = value;
        return target;
    }

    private static Gen<JsonNode?> Value(int depth)
    {
        var scalar = Gen.OneOf(
            Gen.Constant(0).Select(_ => (JsonNode?)null),
            Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => (JsonNode?)JsonValue.Create(i)),
            Gen.Elements(FuzzValues.Numbers).Select(n => JsonNode.Parse(n)),
            HostileText.Strings.Select(s => (JsonNode?)JsonValue.Create(FuzzText.Sentinels(s))));
        if (depth == 0)
            return scalar;
        var array = Value(depth - 1).ListOf().Select(items => (JsonNode?)new JsonArray([.. items.Take(6)]));
        var obj = Gen.Zip(Gen.Elements(Keys), Value(depth - 1)).ListOf().Select(fields => (JsonNode?)Fill(new JsonObject(), [.. fields.Take(6)]));
        return Gen.Frequency((3, scalar), (1, array), (2, obj));
    }
}
