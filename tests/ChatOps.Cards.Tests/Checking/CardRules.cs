using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Adaptive;

namespace ChatOps.Cards.Tests.Checking;

/// <summary>One broken rule, at a JSON path into the card.</summary>
public sealed record CardViolation(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// What Teams needs and the official renderer lets through (shared/reference/teams-protocol.md): the card's
/// type and version, verbs on universal actions, string texts and titles, the refresh audience, unique
/// input ids, titled actions, and the size limits.
/// </summary>
public static class CardRules
{
    public const string Version = "1.5";
    public const int MaxCardBytes = 28 * 1024;
    public const int MaxDataBytes = 4 * 1024;
    public const int MaxRefreshUserIds = 60;

    public static IReadOnlyList<CardViolation> Check(JsonNode? card)
    {
        var violations = new List<CardViolation>();
        if (card is not JsonObject root)
        {
            violations.Add(new("$", "a card is a JSON object"));
            return violations;
        }
        if (!IsString(root["type"], "AdaptiveCard"))
            violations.Add(new("$.type", "must be \"AdaptiveCard\""));
        if (!IsString(root["version"], Version))
            violations.Add(new("$.version", $"must be \"{Version}\", the schema Teams renders (was {Show(root["version"])})"));
        var bytes = Encoding.UTF8.GetByteCount(root.ToJsonString(CardJson.Options));
        if (bytes > MaxCardBytes)
            violations.Add(new("$", $"the card is {bytes} bytes; Teams refuses cards over {MaxCardBytes}"));
        CheckRefresh(root["refresh"], violations);
        var inputIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in root)
        {
            if (name != "refresh")
                Visit(value, name, violations, inputIds);
        }
        return violations;
    }

    private static void CheckRefresh(JsonNode? refresh, List<CardViolation> violations)
    {
        if (refresh is null)
            return;
        if (refresh is not JsonObject refreshObject || refreshObject["action"] is not JsonObject action)
        {
            violations.Add(new(refresh.GetPath(), "refresh needs an action"));
            return;
        }
        if (!IsString(action["type"], "Action.Execute"))
            violations.Add(new(action.GetPath() + ".type", "a refresh action must be an Action.Execute"));
        CheckAction(action, titled: false, violations);
        switch (refreshObject["userIds"])
        {
            case null:
                break;
            case JsonArray ids:
                if (ids.Count > MaxRefreshUserIds)
                    violations.Add(new(ids.GetPath(), $"{ids.Count} user ids; Teams refreshes for at most {MaxRefreshUserIds}"));
                foreach (var id in ids.Where(id => !IsNonEmptyString(id)))
                    violations.Add(new(id?.GetPath() ?? ids.GetPath(), "a user id must be a non-empty string"));
                break;
            case var other:
                violations.Add(new(other.GetPath(), $"userIds must be an array of strings (was {Show(other)})"));
                break;
        }
    }

    /// <summary>Walks everything but action data, which is the bot's own opaque payload.</summary>
    private static void Visit(JsonNode? node, string property, List<CardViolation> violations, HashSet<string> inputIds)
    {
        switch (node)
        {
            case JsonObject element:
                CheckElement(element, property, violations, inputIds);
                foreach (var (name, value) in element)
                {
                    if (name is not "data")
                        Visit(value, name, violations, inputIds);
                }
                break;
            case JsonArray items:
                foreach (var item in items)
                    Visit(item, property, violations, inputIds);
                break;
        }
    }

    private static void CheckElement(JsonObject element, string property, List<CardViolation> violations, HashSet<string> inputIds)
    {
        foreach (var name in (string[])["text", "title"])
        {
            if (element.TryGetPropertyValue(name, out var value) && !IsString(value))
                violations.Add(new(value?.GetPath() ?? element.GetPath() + "." + name, $"{name} must be a string (was {Show(value)})"));
        }
        var type = element["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        if (type is null)
            return;
        if (type.StartsWith("Action.", StringComparison.Ordinal))
            CheckAction(element, titled: property != "selectAction", violations);
        if (type.StartsWith("Input.", StringComparison.Ordinal))
        {
            if (!IsNonEmptyString(element["id"]))
                violations.Add(new(element.GetPath(), $"{type} needs an id: its value arrives under it"));
            else if (!inputIds.Add(element["id"]!.GetValue<string>()))
                violations.Add(new(element["id"]!.GetPath(), $"duplicate input id \"{element["id"]}\""));
        }
    }

    private static void CheckAction(JsonObject action, bool titled, List<CardViolation> violations)
    {
        var path = action.GetPath();
        if (IsString(action["type"], "Action.Execute") && !IsNonEmptyString(action["verb"]))
            violations.Add(new(path + ".verb", $"an Action.Execute needs a non-empty string verb (was {Show(action["verb"])})"));
        if (titled && action["title"] is var title && (title is null || (IsString(title) && !IsNonEmptyString(title))))
            violations.Add(new(path + ".title", "an action needs a title: it is the button's label"));
        if (action["data"] is { } data)
        {
            var bytes = Encoding.UTF8.GetByteCount(data.ToJsonString(CardJson.Options));
            if (bytes > MaxDataBytes)
                violations.Add(new(data.GetPath(), $"the action data is {bytes} bytes; keep it under {MaxDataBytes} (send ids, not state)"));
        }
    }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static bool IsString(JsonNode? node, string expected) => IsString(node) && node!.GetValue<string>() == expected;

    private static bool IsNonEmptyString(JsonNode? node) => IsString(node) && node!.GetValue<string>().Trim().Length > 0;

    private static string Show(JsonNode? node) =>
        node?.ToJsonString() is not { } json ? "missing" : json.Length > 40 ? json[..40] + "…" : json;
}
