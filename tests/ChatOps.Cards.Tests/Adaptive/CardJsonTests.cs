using System.Text.Json;
using ChatOps.Cards.Adaptive;

namespace ChatOps.Cards.Tests.Adaptive;

public sealed class CardJsonTests
{
    [Fact]
    public void A_verb_reads_back_from_the_data_it_was_written_as()
    {
        var data = JsonSerializer.SerializeToElement<CardVerb>(new ShowHelp("zh-CN"), CardJson.Options);

        Assert.Equal(new ShowHelp("zh-CN"), CardJson.ReadVerb(data));
    }

    [Theory]
    [InlineData("""{"verb":"no.such.verb"}""")]
    [InlineData("""{"verb":42}""")]
    [InlineData("""{"language":"en"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"verb":"help.show","language":{"nested":true}}""")]
    [InlineData("""{"verb":"checklist.set","pointId":"CP-01","from":"Open","to":"Done"}""")]
    [InlineData("""{"verb":"checklist.set","incidentId":null,"pointId":"CP-01","from":"Open","to":"Done"}""")]
    [InlineData("""{"verb":"phase.advance","incidentId":"INC-2026-0001"}""")]
    public void Unknown_or_malformed_data_reads_as_no_verb(string json) =>
        Assert.Null(CardJson.ReadVerb(JsonDocument.Parse(json).RootElement));
}
