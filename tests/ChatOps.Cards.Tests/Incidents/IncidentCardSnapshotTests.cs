using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Checklists;
using ChatOps.Cards.Incidents;
using ChatOps.Cards.Tests.Checking;
using ChatOps.Incidents.Checklists;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;
using static ChatOps.Cards.Tests.Incidents.CardFixture;

namespace ChatOps.Cards.Tests.Incidents;

/// <summary>The exact JSON of the incident cards, reviewed as a diff in __snapshots__, and each passing the card check.</summary>
public sealed class IncidentCardSnapshotTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_incident_card_is_the_json_in_its_snapshot(string language) =>
        Matches(IncidentCard.Build(Incident(), Playbook, Contoso, CultureInfo.GetCultureInfo(language), Shanghai), language);

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void A_checklist_in_progress_is_the_json_in_its_snapshot(string language)
    {
        var incident = Incident();
        incident.Assign(Playbook, "CP-01", Responder, Commander, Now);
        incident.SetPointStatus(Playbook, "CP-01", PointStatus.InProgress, null, Responder, Now);
        incident.SetPointStatus(Playbook, "CP-04", PointStatus.NotApplicable, "Toolkit already on site", Responder, Now);

        Matches(ChecklistCard.Build(incident, Playbook, "preparation", CultureInfo.GetCultureInfo(language)), language);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_declare_form_is_the_json_in_its_snapshot(string language) =>
        Matches(DeclareFormCard.Build(CultureInfo.GetCultureInfo(language), [Contoso], Playbook, "decl-1"), language);

    private static void Matches(AdaptiveCard card, string language)
    {
        CardAssert.Valid(card);
        // Snapshooter writes with Newtonsoft.Json: hand it the serialised card, not the records.
        Snapshot.Match(JToken.Parse(CardJson.ToJson(card)), SnapshotNameExtension.Create(language));
    }
}

public sealed class IncidentCardClockTests
{
    [Fact]
    public void The_incident_card_shows_each_clocks_state_and_deadline_in_the_clients_zone()
    {
        var clocks = new List<ChatOps.Incidents.Sla.ClockLine>
        {
            new(new("确认", "Acknowledge"), new ChatOps.Incidents.Sla.SlaReading("acknowledge", ChatOps.Incidents.Sla.SlaState.Running, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), Now.AddMinutes(10), 33)),
            new(new("抑制", "Containment"), new("contain", ChatOps.Incidents.Sla.SlaState.Paused, TimeSpan.FromHours(1), TimeSpan.FromHours(4), null, 25)),
        };

        var card = IncidentCard.Build(Incident(), Playbook, Contoso, ChatOps.Cards.Resources.Languages.English, Shanghai, clocks: clocks);

        CardAssert.Valid(card);
        var facts = card.Body.OfType<Container>().SelectMany(c => c.Items).OfType<FactSet>().Single().Facts;
        Assert.Equal("running · due 2026-11-23 10:40 UTC+08:00 · 33% used", facts[0].Value);
        Assert.Equal("paused (waiting on the client) · 25% used", facts[1].Value);
    }
}
