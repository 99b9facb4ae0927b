using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Incidents;
using ChatOps.Cards.Resources;
using ChatOps.Cards.Tests.Checking;
using static ChatOps.Cards.Tests.Incidents.CardFixture;

namespace ChatOps.Cards.Tests.Incidents;

public sealed class DeclareFormCardTests
{
    [Fact]
    public void The_form_offers_the_clients_the_nine_types_and_the_severities()
    {
        var card = DeclareFormCard.Build(Languages.Chinese, [Contoso], Playbook, "decl-1");

        CardAssert.Valid(card);
        var types = Assert.IsType<ChoiceSetInput>(card.Body.Single(e => e.Id == "type"));
        Assert.Equal(9, types.Choices.Count);
        Assert.Equal("contoso", Assert.IsType<ChoiceSetInput>(card.Body.Single(e => e.Id == "client")).Value);
        var submit = Assert.IsType<ExecuteAction>(Assert.Single(card.Actions!));
        Assert.Equal(new DeclareIncident("decl-1"), submit.Data);
    }

    [Fact]
    public void Errors_come_back_beside_their_fields_with_the_values_kept()
    {
        var values = new DeclareIncident("decl-1") { Client = "fabrikam", Title = "Site down", Type = "ddos", Severity = "P2" };

        var card = DeclareFormCard.Build(Languages.English, [Contoso], Playbook, "decl-1", values, new Dictionary<string, string> { ["client"] = "No client “fabrikam”." });

        CardAssert.Valid(card);
        var clientIndex = card.Body.ToList().FindIndex(e => e.Id == "client");
        Assert.Equal("No client “fabrikam”.", Assert.Single(Assert.IsType<RichTextBlock>(card.Body[clientIndex + 1]).Inlines).Text);
        Assert.Equal("Site down", Assert.IsType<TextInput>(card.Body.Single(e => e.Id == "title")).Value);
    }
}
