using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Checklists;
using ChatOps.Cards.Resources;
using ChatOps.Cards.Tests.Checking;
using ChatOps.Incidents.Checklists;
using static ChatOps.Cards.Tests.Incidents.CardFixture;

namespace ChatOps.Cards.Tests.Checklists;

public sealed class ChecklistCardTests
{
    [Fact]
    public void Each_point_of_the_current_phase_shows_its_state_and_typed_buttons()
    {
        var incident = Incident();
        incident.SetPointStatus(Playbook, "CP-01", PointStatus.Done, null, Responder, Now);
        incident.SetPointStatus(Playbook, "CP-04", PointStatus.NotApplicable, "Kit **on site**", Responder, Now);

        var card = ChecklistCard.Build(incident, Playbook, "preparation", Languages.English);

        CardAssert.Valid(card, ChecklistCard.Build(incident, Playbook, "preparation", Languages.Chinese));
        var json = CardJson.ToJson(card);
        Assert.Contains("CP-01 Service requirement definition", json, StringComparison.Ordinal);
        Assert.Contains("Locked until the client authorises it", json, StringComparison.Ordinal);
        var actions = Actions(card).ToList();
        Assert.DoesNotContain(actions, a => a.Data is SetPointStatus { PointId: "CP-01" });
        Assert.DoesNotContain(actions, a => a.Data is SetPointStatus { PointId: "CP-02", To: "Done" });
        Assert.Contains(actions, a => a.Data is SetPointStatus { PointId: "CP-03", From: "Open", To: "Done" });
        Assert.Contains(actions, a => a.Data is AdvancePhase { Phase: "preparation" });
        Assert.Contains(card.Body.OfType<Container>().SelectMany(c => c.Items).OfType<RichTextBlock>(), r => r.Inlines[0].Text == "Reason: Kit **on site**");
    }

    [Fact]
    public void Each_button_carries_its_points_revision_so_a_late_click_is_told_from_a_fresh_one()
    {
        var incident = Incident();
        incident.SetPointStatus(Playbook, "CP-03", PointStatus.InProgress, null, Responder, Now);
        incident.SetPointStatus(Playbook, "CP-03", PointStatus.Done, null, Responder, Now);
        incident.SetPointStatus(Playbook, "CP-03", PointStatus.Open, null, Responder, Now);

        var card = ChecklistCard.Build(incident, Playbook, "preparation", Languages.English);
        var actions = Actions(card).Select(a => a.Data).OfType<SetPointStatus>().ToList();

        Assert.Equal(3, incident.Points["CP-03"].Revision);
        Assert.All(actions.Where(a => a.PointId == "CP-03"), a => Assert.Equal(3, a.Revision));
        Assert.All(actions.Where(a => a.PointId == "CP-01"), a => Assert.Equal(0, a.Revision));
        Assert.Contains("\"revision\":3", CardJson.ToJson(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Deliverable_links_open_from_the_point_even_when_it_is_done()
    {
        var incident = Incident();
        incident.AddLink(Playbook, "CP-01", new Uri("https://contoso.sharepoint.com/scope.docx"), Responder, Now);
        incident.SetPointStatus(Playbook, "CP-01", PointStatus.Done, null, Responder, Now);

        var card = ChecklistCard.Build(incident, Playbook, "preparation", Languages.Chinese);

        CardAssert.Valid(card);
        var link = card.Body.OfType<Container>().SelectMany(c => c.Items).OfType<ActionSet>().SelectMany(s => s.Actions).OfType<OpenUrlAction>().Single();
        Assert.Equal("📎 安全服务项目范围约定表", link.Title);
    }

    [Fact]
    public void A_past_phase_shows_no_buttons()
    {
        var incident = Incident();
        foreach (var p in new[] { "CP-01", "CP-03", "CP-04" })
            incident.SetPointStatus(Playbook, p, PointStatus.Done, null, Responder, Now);
        incident.SetPointStatus(Playbook, "CP-02", PointStatus.NotApplicable, "Standing contract", Commander, Now);
        incident.BreakGlass(Playbook, "CP-02", "Standing contract signed last year", Commander, Now);
        incident.AdvancePhase(Playbook, Commander, Now);

        var card = ChecklistCard.Build(incident, Playbook, "preparation", Languages.English);

        CardAssert.Valid(card);
        Assert.Empty(Actions(card));
        Assert.Null(card.Actions);
    }

    private static IEnumerable<ExecuteAction> Actions(AdaptiveCard card) =>
        card.Body.OfType<Container>().SelectMany(c => c.Items).OfType<ActionSet>().SelectMany(s => s.Actions)
            .SelectMany(a => a is ShowCardAction show ? show.Card.Actions ?? [] : [a])
            .Concat(card.Actions ?? []).OfType<ExecuteAction>();
}
