using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Approvals;
using ChatOps.Cards.Tests.Checking;
using ChatOps.Testing;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ChatOps.Cards.Tests.Adaptive;

/// <summary>
/// Text people typed (Markdown, links, mentions, HTML, template syntax, control and bidi characters, lone surrogates, huge
/// words) in every card that shows it: valid JSON, our card rules, the text only where it is shown literally, and no link
/// or mention the product did not put there. A fixed sample also goes through the official renderer.
/// </summary>
public sealed class HostileTextTests
{
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("zh-CN")];

    [Fact]
    public void Hostile_text_never_becomes_markup_a_link_or_a_mention_and_every_card_keeps_the_rules()
    {
        var benign = Languages.ToDictionary(l => l, l => HostileCards.Build(HostileText.Marker + " plain words", l).ToDictionary(c => c.Name, c => CardJson.ToNode(c.Card)));
        var property = Prop.ForAll(HostileText.Marked.ToArbitrary(), text =>
        {
            foreach (var language in Languages)
            {
                foreach (var (name, card) in HostileCards.Build(text, language))
                {
                    var json = CardJson.ToJson(card);
                    var node = JsonNode.Parse(json)!;
                    Assert.Empty(CardRules.Check(node).Select(v => $"{name}: {v}"));
                    Assert.Empty(UserTextInCards.Misplaced(node, HostileText.Marker).Select(p => $"{name}: {p}"));
                    Assert.Equal(UserTextInCards.LinksAndMentions(benign[language][name]), UserTextInCards.LinksAndMentions(node), Same);
                }
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150).WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261123, 1), FSharpOption<int>.None))), property);
    }

    [Fact]
    public void A_sample_of_hostile_cards_passes_the_official_renderer()
    {
        var cards = HostileText.Sample(4).SelectMany((text, i) => HostileCards.Build(text, Languages[i % 2]).Select(c => c.Card)).ToArray();

        CardAssert.Valid(cards);
    }

    [Theory]
    [InlineData('<')]
    [InlineData('&')]
    [InlineData('\'')]
    [InlineData('中')]
    public void A_request_of_six_fields_at_their_longest_in_any_character_stays_within_Teams_limit(char c)
    {
        var text = new string(c, ChatOps.Incidents.Approvals.Proposal.MaxField);
        var incident = Incidents.CardFixture.Incident();
        var (request, _) = incident.RequestApproval(Incidents.CardFixture.Playbook, "CP-09", new(text, text, text, text, text, text), Incidents.CardFixture.Contoso.Approval, Incidents.CardFixture.Responder, Incidents.CardFixture.Now);

        var card = ApprovalCard.Build(incident, Incidents.CardFixture.Playbook, request, Incidents.CardFixture.Contoso, Incidents.CardFixture.Now, Languages[1], approver: Incidents.CardFixture.Contoso.Approvers[0]);

        Assert.Empty(CardRules.Check(CardJson.ToNode(card)));
    }

    [Fact]
    public void The_card_json_holds_no_lone_surrogate_and_parses_back_strictly()
    {
        var card = HostileCards.Build(HostileText.Marker + "\uD800 and \uDC00 alone", Languages[0]).First().Card;

        var json = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(JsonSerializer.SerializeToUtf8Bytes(card, CardJson.Options));

        Assert.DoesNotContain("\\uD800", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\uDC00", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HostileText.Marker + "\uFFFD and \uFFFD alone", JsonNode.Parse(json)!["body"]![1]!["inlines"]![0]!["text"]!.GetValue<string>());
    }

    private static readonly IEqualityComparer<(IReadOnlyList<string> Urls, int Mentions)> Same =
        EqualityComparer<(IReadOnlyList<string> Urls, int Mentions)>.Create((a, b) => a.Urls.SequenceEqual(b.Urls) && a.Mentions == b.Mentions, x => x.Mentions);
}
