using System.Text.Json.Nodes;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Help;
using ChatOps.Cards.Resources;

namespace ChatOps.Cards.Tests.Checking;

public sealed class CardRulesTests
{
    [Theory]
    [MemberData(nameof(BrokenCards.Rules), MemberType = typeof(BrokenCards))]
    public void Our_rules_name_the_path_of_each_broken_rule(string rule)
    {
        var broken = BrokenCards.ByRule[rule];

        var violations = CardRules.Check(broken.Card);

        Assert.Contains(violations, v => v.Path == broken.Path);
    }

    [Fact]
    public void The_help_and_welcome_cards_break_no_rule()
    {
        foreach (var language in Languages.All)
        {
            Assert.Empty(CardRules.Check(CardJson.ToNode(HelpCard.Build(language, ["help"]))));
            Assert.Empty(CardRules.Check(CardJson.ToNode(WelcomeCard.Build(language))));
        }
    }

    [Fact]
    public void A_refresh_action_and_a_select_action_need_no_title()
    {
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.5",
             "refresh":{"action":{"type":"Action.Execute","verb":"incident.view"},"userIds":["29:a","29:b"]},
             "body":[{"type":"Container","items":[{"type":"TextBlock","text":"Hi"}],
                      "selectAction":{"type":"Action.Execute","verb":"incident.open"}}]}
            """);

        Assert.Empty(CardRules.Check(card));
    }

    [Fact]
    public void Sixty_refresh_user_ids_are_allowed_and_sixty_one_are_not()
    {
        static JsonNode WithUsers(int count)
        {
            var card = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[],"refresh":{"action":{"type":"Action.Execute","verb":"v"}}}""")!;
            card["refresh"]!["userIds"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => JsonValue.Create($"29:{i}"))]);
            return card;
        }

        Assert.Empty(CardRules.Check(WithUsers(CardRules.MaxRefreshUserIds)));
        Assert.Single(CardRules.Check(WithUsers(CardRules.MaxRefreshUserIds + 1)));
    }
}
