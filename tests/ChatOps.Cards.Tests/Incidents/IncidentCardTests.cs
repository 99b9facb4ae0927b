using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Incidents;
using ChatOps.Cards.Resources;
using ChatOps.Cards.Tests.Checking;
using static ChatOps.Cards.Tests.Incidents.CardFixture;

namespace ChatOps.Cards.Tests.Incidents;

public sealed class IncidentCardTests
{
    [Fact]
    public void The_incident_card_shows_id_client_type_severity_phase_and_roles_in_both_languages()
    {
        var english = IncidentCard.Build(Incident(), Playbook, Contoso, Languages.English, Shanghai);
        var chinese = IncidentCard.Build(Incident(), Playbook, Contoso, Languages.Chinese, Shanghai);

        CardAssert.Valid(english, chinese);
        var en = CardJson.ToJson(english);
        Assert.Contains("INC-2026-0042", en, StringComparison.Ordinal);
        Assert.Contains("Web intrusion · Homepage defacement", en, StringComparison.Ordinal);
        Assert.Contains("P1 · Critical", en, StringComparison.Ordinal);
        Assert.Contains("1/6 · Preparation", en, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen, Adele Vance", en, StringComparison.Ordinal);
        Assert.Contains(english.Body.OfType<FactSet>().Single().Facts, f => f.Value == "2026-11-23 10:30 +08:00");
        Assert.Contains("主页篡改", CardJson.ToJson(chinese), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_and_html_in_a_title_are_shown_literally_and_long_text_is_cut_with_a_notice()
    {
        var incident = Incident(title: "**URGENT** [click](http://evil.example) <b>now</b>\u0007", description: new string('x', 5000));

        var card = IncidentCard.Build(incident, Playbook, Contoso, Languages.English, Shanghai);

        CardAssert.Valid(card);
        var title = Assert.IsType<RichTextBlock>(card.Body[1]);
        Assert.Equal("**URGENT** [click](http://evil.example) <b>now</b>", title.Inlines[0].Text);
        var description = Assert.IsType<RichTextBlock>(card.Body[^1]);
        Assert.Equal(IncidentCard.MaxDescription + 1, description.Inlines[0].Text.Length);
        Assert.Equal(" (shortened)", description.Inlines[1].Text);
    }
}
