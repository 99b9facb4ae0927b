using System.Text.Json.Nodes;

namespace ChatOps.Cards.Tests.Checking;

/// <summary>Cards the typed builders cannot express, each breaking one rule, written as the raw JSON a bug would send.</summary>
public static class BrokenCards
{
    /// <summary>A broken card, the path our rules must name, and whether the official renderer notices too.</summary>
    public sealed record Case(string Json, string Path, bool RendererCatches = false)
    {
        public JsonNode Card => JsonNode.Parse(Json)!;
    }

    private const string Open = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hi"}]""";

    public static IReadOnlyDictionary<string, Case> ByRule { get; } = new Dictionary<string, Case>
    {
        ["an Action.Execute without a verb"] =
            new(Open + ""","actions":[{"type":"Action.Execute","title":"Go","data":{"x":1}}]}""", "$.actions[0].verb"),
        ["an Action.Execute with a blank verb in an ActionSet"] =
            new("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"Go","verb":" "}]}]}""", "$.body[0].actions[0].verb"),
        ["a fallback Action.Execute with a numeric verb"] =
            new(Open + ""","actions":[{"type":"Action.Execute","title":"Go","verb":"a","fallback":{"type":"Action.Execute","title":"Go","verb":7}}]}""", "$.actions[0].fallback.verb"),
        ["a refresh Action.Execute without a verb"] =
            new(Open + ""","refresh":{"action":{"type":"Action.Execute"},"userIds":["29:a"]}}""", "$.refresh.action.verb"),
        ["a card without a version"] =
            new("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Hi"}]}""", "$.version"),
        ["a card of version 1.4"] =
            new("""{"type":"AdaptiveCard","version":"1.4","body":[{"type":"TextBlock","text":"Hi"}]}""", "$.version"),
        ["a card without a type"] =
            new("""{"version":"1.5","body":[{"type":"TextBlock","text":"Hi"}]}""", "$.type"),
        ["a TextBlock whose text is a number"] =
            new("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":42}]}""", "$.body[0].text"),
        ["a fact whose title is an object"] =
            new(Open[..^1] + """,{"type":"FactSet","facts":[{"title":{"en":"a"},"value":"b"}]}]}""", "$.body[1].facts[0].title"),
        ["61 refresh user ids"] =
            new(Open + ""","refresh":{"action":{"type":"Action.Execute","verb":"v"},"userIds":""" + UserIds(61) + "}}", "$.refresh.userIds"),
        ["refresh user ids as one string"] =
            new(Open + ""","refresh":{"action":{"type":"Action.Execute","verb":"v"},"userIds":"29:a,29:b"}}""", "$.refresh.userIds"),
        ["a card over 28 KB"] =
            new(Card(body: $"{{\"type\":\"TextBlock\",\"text\":\"{new string('x', 29 * 1024)}\"}}"), "$"),
        ["action data over 4 KB"] =
            new(Open + ",\"actions\":[{\"type\":\"Action.Execute\",\"title\":\"Go\",\"verb\":\"v\",\"data\":{\"blob\":\"" + new string('x', 5000) + "\"}}]}", "$.actions[0].data"),
        ["an action without a title"] =
            new(Open + ""","actions":[{"type":"Action.Execute","verb":"v"}]}""", "$.actions[0].title"),
        ["duplicate input ids"] =
            new("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"why","label":"Why"},{"type":"Input.Text","id":"why","label":"Why"}]}""", "$.body[1].id", RendererCatches: true),
    };

    private static string Card(string body) => "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[" + body + "]}";

    private static string UserIds(int count) => new JsonArray([.. Enumerable.Range(0, count).Select(i => JsonValue.Create($"29:{i}"))]).ToJsonString();

    public static TheoryData<string> Rules => [.. ByRule.Keys];

    public static JsonNode UnknownElement =>
        JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hi"},{"type":"Input.Signature","id":"sign"}]}""")!;

    public static JsonNode DuplicateInputIds => ByRule["duplicate input ids"].Card;
}
