using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Adaptive;

namespace ChatOps.Cards.Tests.Checking;

/// <summary>
/// The check every card test calls: the official renderer under the Teams host config, then our own rules
/// for what it lets through. A card that fails either fails the test, with every problem listed.
/// </summary>
public static class CardAssert
{
    public static void Valid(params AdaptiveCard[] cards) => Valid([.. cards.Select(CardJson.ToNode)]);

    public static void Valid(params JsonElement[] cards) => Valid([.. cards.Select(card => JsonNode.Parse(card.GetRawText())!)]);

    public static void Valid(params string[] cards) => Valid([.. cards.Select(card => JsonNode.Parse(card)!)]);

    public static void Valid(params JsonNode[] cards)
    {
        var problems = Problems(cards);
        if (problems.Count > 0)
            Assert.Fail($"{problems.Count} card problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>Every problem, one line each: "card 1, renderer: …" or "card 1, rules: $.path: …".</summary>
    public static IReadOnlyList<string> Problems(params JsonNode[] cards)
    {
        Assert.NotEmpty(cards);
        var verdicts = OfficialRenderer.Check(cards);
        var problems = new List<string>();
        for (var i = 0; i < cards.Length; i++)
        {
            problems.AddRange(verdicts[i].Errors.Select(error => $"card {i}, renderer: {error}"));
            problems.AddRange(CardRules.Check(cards[i]).Select(violation => $"card {i}, rules: {violation}"));
        }
        return problems;
    }
}
