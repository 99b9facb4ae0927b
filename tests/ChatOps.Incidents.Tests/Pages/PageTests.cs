using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Pages;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Pages;

public sealed class PageTests
{
    private static readonly Person Lee = new("aad-lee", "Lee Gu");
    private static readonly Person Megan = new("aad-megan", "Megan Bowen");

    [Fact]
    public void A_page_escalates_level_by_level_until_someone_acknowledges_it()
    {
        var incident = Declare();
        var (page, sent) = incident.SendPage(PageReason.Declared, "P1 declared: homepage defaced", "security-oncall", 2, [Lee], Commander, Now);

        var escalated = incident.EscalatePage(page.Id, 2, [Megan], Commander, Now.AddMinutes(5));
        var pastLast = incident.EscalatePage(page.Id, 3, [Commander], Commander, Now.AddMinutes(10));
        var acked = incident.AckPage(page.Id, Megan, Now.AddMinutes(6));

        Assert.Equal(("PG-01", "page.sent", "page.escalated"), (page.Id, Assert.Single(sent).Type, Assert.Single(escalated).Type));
        Assert.Empty(pastLast);
        Assert.Equal(["page.acked", "incident.acknowledged"], acked.Select(e => e.Type));
        Assert.Equal((Megan, 2), (page.AckedBy, page.Level));
    }

    [Fact]
    public void After_an_ack_nothing_escalates_and_a_second_ack_changes_nothing()
    {
        var incident = Declare();
        var (page, _) = incident.SendPage(PageReason.Manual, "Need a second pair of eyes", null, 1, [Lee], Commander, Now);
        incident.AckPage(page.Id, Lee, Now.AddMinutes(1));

        Assert.Empty(incident.AckPage(page.Id, Megan, Now.AddMinutes(2)));
        Assert.Empty(incident.EscalatePage(page.Id, 2, [Megan], Commander, Now.AddMinutes(5)));
        Assert.Equal(Lee, page.AckedBy);
    }

    [Fact]
    public void A_level_with_nobody_on_call_is_recorded_and_the_escalation_goes_on_past_it()
    {
        var incident = Declare();
        var (page, _) = incident.SendPage(PageReason.Breach, "SLA breached", "security-incident", 3, [Lee], Commander, Now);

        var empty = incident.EscalatePage(page.Id, 2, [], Commander, Now.AddMinutes(15));
        var third = incident.EscalatePage(page.Id, 3, [Megan], Commander, Now.AddMinutes(30));

        Assert.True((bool)empty.Single().Data["nobodyOnCall"]!);
        Assert.Equal([1, 2, 3], page.Rounds.Select(r => r.Level));
        Assert.Equal([Megan], third.Count == 1 ? page.Rounds[^1].Targets : []);
    }

    [Fact]
    public void A_page_needs_someone_to_page_and_a_message()
    {
        var incident = Declare();

        Assert.Equal(Rules.NobodyOnCall, Assert.Throws<IncidentRuleException>(() => incident.SendPage(PageReason.Breach, "SLA breached", "empty", 1, [], Commander, Now)).Rule);
        Assert.Equal(Rules.EmptyText, Assert.Throws<IncidentRuleException>(() => incident.SendPage(PageReason.Manual, " ", null, 1, [Lee], Commander, Now)).Rule);
        Assert.Equal(Rules.UnknownPage, Assert.Throws<IncidentRuleException>(() => incident.AckPage("PG-09", Lee, Now)).Rule);
    }
}
