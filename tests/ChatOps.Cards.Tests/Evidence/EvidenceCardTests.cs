using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Evidence;
using ChatOps.Cards.Resources;
using ChatOps.Cards.Tests.Checking;
using ChatOps.Incidents.Evidence;
using static ChatOps.Cards.Tests.Evidence.EvidenceCardFixture;
using static ChatOps.Cards.Tests.Incidents.CardFixture;

namespace ChatOps.Cards.Tests.Evidence;

public sealed class EvidenceCardTests
{
    [Fact]
    public void The_form_offers_every_kind_starts_at_now_in_the_clients_zone_and_submits_a_typed_verb()
    {
        var card = EvidenceFormCard.Build(Incident(), [Commander, Responder], Languages.English, Shanghai, Now, "form-1");

        var kinds = Assert.IsType<ChoiceSetInput>(card.Body.Single(e => e.Id == "kind"));
        Assert.Equal(["volatile-data", "disk-image", "log", "screenshot", "other"], kinds.Choices.Select(c => c.Value));
        Assert.Equal("2026-11-23", Assert.IsType<DateInput>(card.Body.Single(e => e.Id == "collectedDate")).Value);
        Assert.Equal("10:30", Assert.IsType<TimeInput>(card.Body.Single(e => e.Id == "collectedTime")).Value);
        var submit = Assert.IsType<ExecuteAction>(Assert.Single(card.Actions!));
        Assert.Equal(new AddEvidence("INC-2026-0042", "form-1"), submit.Data);
        Assert.Equal("evidence.add", submit.Verb);
    }

    [Fact]
    public void The_form_sets_no_length_limit_a_client_could_cut_text_with()
    {
        var card = EvidenceFormCard.Build(Incident(), [], Languages.Chinese, Shanghai, Now, "form-1");

        Assert.All(card.Body.OfType<TextInput>(), input => Assert.Null(input.MaxLength));
    }

    [Fact]
    public void An_error_sits_right_under_its_field_and_the_values_typed_are_kept()
    {
        var values = new AddEvidence("INC-2026-0042", "form-1") { Item = "Firewall logs", CollectedDate = "2026-11-20", CollectedTime = "08:00", Sha256 = "abc" };
        var errors = new Dictionary<string, string> { ["sha256"] = "Not a SHA-256", ["collectedAt"] = "In the future" };

        var card = EvidenceFormCard.Build(Incident(), [Responder], Languages.English, Shanghai, Now, "form-1", values, errors);

        var body = card.Body.ToList();
        Assert.Equal("Not a SHA-256", Assert.Single(Assert.IsType<RichTextBlock>(body[body.FindIndex(e => e.Id == "sha256") + 1]).Inlines).Text);
        Assert.Equal("In the future", Assert.Single(Assert.IsType<RichTextBlock>(body[body.FindIndex(e => e.Id == "collectedTime") + 1]).Inlines).Text);
        Assert.Equal("abc", Assert.IsType<TextInput>(card.Body.Single(e => e.Id == "sha256")).Value);
        Assert.Equal("Firewall logs", Assert.IsType<TextInput>(card.Body.Single(e => e.Id == "item")).Value);
        Assert.Equal("2026-11-20", Assert.IsType<DateInput>(card.Body.Single(e => e.Id == "collectedDate")).Value);
    }

    [Fact]
    public void The_register_shows_user_text_literally_the_hash_in_monospace_and_times_in_the_clients_zone()
    {
        var card = Assert.Single(EvidenceListCard.Build(WithRegister(), Languages.English, Shanghai));
        var json = CardJson.ToJson(card);

        Assert.Contains("\"text\":\"Memory dump of WEB-01 **not bold**\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"text\":\"{Sha}\",\"type\":\"TextRun\",\"size\":\"Small\",\"fontType\":\"Monospace\"", json, StringComparison.Ordinal);
        Assert.Equal("2026-11-23 07:30 +08:00", card.Body.OfType<Container>().First().Items.OfType<FactSet>().Single().Facts[1].Value);
        Assert.Contains("Riley Responder → Alex Analyst (recorded by Riley Responder): Sealed bag 7, for imaging", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_register_says_how_to_add_to_it()
    {
        var card = Assert.Single(EvidenceListCard.Build(Incident(), Languages.Chinese, Shanghai));

        Assert.Contains("证据 添加", CardJson.ToJson(card), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_register_of_the_longest_items_is_split_into_cards_that_each_pass_the_check()
    {
        var incident = Incident();
        var text = new string('<', 200) + new string('证', 300);
        for (var i = 1; i <= 12; i++)
        {
            incident.AddEvidence(new EvidenceDraft(EvidenceKind.DiskImage, text, text, Responder, Now, Sha, text), Responder, Now);
            for (var t = 0; t < 7; t++)
                incident.TransferCustody(EvidenceItem.FormatId(i), t % 2 == 0 ? Analyst : Responder, text, Commander, Now);
        }

        var cards = EvidenceListCard.Build(incident, Languages.Chinese, Shanghai);

        Assert.True(cards.Count > 1);
        CardAssert.Valid([.. cards]);
        Assert.Equal(12, cards.Sum(c => c.Body.OfType<Container>().Count()));
        Assert.Contains("第 1–", CardJson.ToJson(cards[0]), StringComparison.Ordinal);
    }
}
