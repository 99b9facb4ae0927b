using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Approvals;
using ChatOps.Cards.Resources;
using ChatOps.Cards.Tests.Checking;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Incidents;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;
using static ChatOps.Cards.Tests.Incidents.CardFixture;

namespace ChatOps.Cards.Tests.Approvals;

public sealed class ApprovalCardTests
{
    private static readonly Proposal Isolate = new(
        "Isolate web-01 **now**", "web-01 (10.0.0.5)", "Site offline during isolation",
        "Re-enable the switch port; restore the 02:00 snapshot", "Homepage down ~30 min", "Tonight 22:00–23:00");

    private static readonly Person Megan = Contoso.Approvers[0];

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void Everyones_copy_of_an_open_request_has_no_buttons_and_refreshes_for_the_approvers(string language)
    {
        var (incident, request) = Requested();

        var card = ApprovalCard.Build(incident, Playbook, request, Contoso, Now, CultureInfo.GetCultureInfo(language), audience: ["29:megan", "29:adele"]);

        Assert.Empty(Decisions(card));
        Assert.Equal(["29:megan", "29:adele"], card.Refresh!.UserIds);
        Assert.Equal(new RefreshApproval(incident.Id, request.Id), Assert.IsType<ExecuteAction>(card.Refresh.Action).Data);
        Assert.Equal(["<at>Megan Bowen</at>", "<at>Adele Vance</at>"], card.Msteams!.Entities!.Select(e => e.Text));
        Matches(card, language);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void An_approvers_view_binds_each_button_to_the_hash_of_the_proposal_shown(string language)
    {
        var (incident, request) = Requested();

        var card = ApprovalCard.Build(incident, Playbook, request, Contoso, Now, CultureInfo.GetCultureInfo(language), approver: Megan);

        Assert.Equal(["Approve", "RequestChanges", "Reject"], Decisions(card).Select(d => d.Decision));
        Assert.All(Decisions(card), d => Assert.Equal(request.ProposalHash, d.ProposalHash));
        Matches(card, language);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void A_decided_request_shows_who_decided_when_in_the_clients_time_zone_and_no_refresh(string language)
    {
        var (incident, request) = Requested();
        incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, "OK, but <b>keep logs</b>", Contoso, "tenant", Megan, Now.AddMinutes(10));

        var card = ApprovalCard.Build(incident, Playbook, request, Contoso, Now.AddMinutes(11), CultureInfo.GetCultureInfo(language), approver: Megan);

        Assert.Null(card.Refresh);
        Assert.Empty(Decisions(card));
        Assert.Contains(card.Body.OfType<TextBlock>(), t => t.Text.EndsWith("Megan Bowen · 2026-11-23 10:40 UTC+08:00", StringComparison.Ordinal) || t.Text.Contains("Megan Bowen 已批准 · 2026-11-23 10:40 UTC+08:00", StringComparison.Ordinal));
        Matches(card, language);
    }

    [Fact]
    public void A_revised_request_says_earlier_decisions_no_longer_count_and_an_expired_one_offers_nothing()
    {
        var (incident, request) = Requested();
        incident.Decide(request.Id, request.ProposalHash, DecisionKind.RequestChanges, "Use the weekend window", Contoso, "tenant", Megan, Now);
        incident.ReviseApproval(request.Id, Isolate with { Window = "Saturday 02:00" }, ApprovalPolicy.Default, Responder, Now);

        var revised = ApprovalCard.Build(incident, Playbook, request, Contoso, Now, Languages.English, approver: Megan);
        var expired = ApprovalCard.Build(incident, Playbook, request, Contoso, Now.AddDays(2), Languages.English, approver: Megan, audience: ["29:megan"]);

        CardAssert.Valid(revised, expired);
        Assert.Contains("1 earlier decision(s) no longer count", CardJson.ToJson(revised), StringComparison.Ordinal);
        Assert.Equal(3, Decisions(revised).Count());
        Assert.Empty(Decisions(expired));
        Assert.Null(expired.Refresh);
        Assert.Contains("Expired without a decision", CardJson.ToJson(expired), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_proposal_form_keeps_values_and_shows_errors_beside_their_fields(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var card = ApprovalFormCard.Build(Incident(), Playbook, "CP-09", null, Isolate with { Rollback = "" }, culture,
            new Dictionary<string, string> { ["rollback"] = CardText.Format("Rule.approval.field-required", culture, CardText.Get("Field.rollback", culture)) });

        Assert.Equal(new SubmitProposal("INC-2026-0042", "CP-09", null), Assert.IsType<ExecuteAction>(Assert.Single(card.Actions!)).Data);
        Matches(card, language);
    }

    private static (Incident Incident, ApprovalRequest Request) Requested()
    {
        var incident = Incident();
        var (request, _) = incident.RequestApproval(Playbook, "CP-09", Isolate, ApprovalPolicy.Default, Responder, Now);
        return (incident, request);
    }

    private static IEnumerable<DecideApproval> Decisions(AdaptiveCard card) =>
        card.Body.OfType<ActionSet>().SelectMany(s => s.Actions).OfType<ExecuteAction>().Select(a => a.Data).OfType<DecideApproval>();

    private static void Matches(AdaptiveCard card, string language)
    {
        CardAssert.Valid(card);
        Snapshot.Match(JToken.Parse(CardJson.ToJson(card)), SnapshotNameExtension.Create(language));
    }
}

public sealed class ApprovalVerbTests
{
    [Fact]
    public void The_forms_submit_reads_back_as_sent_by_teams_without_its_null_ids()
    {
        var card = ApprovalFormCard.Build(Incident(), Playbook, null, null, null, Languages.English);
        var data = System.Text.Json.Nodes.JsonNode.Parse(CardJson.ToJson(card))!["actions"]![0]!["data"]!.AsObject();
        data["action"] = "Isolate web-01";

        var verb = CardJson.ReadVerb(System.Text.Json.JsonSerializer.SerializeToElement(data));

        Assert.Equal(new SubmitProposal("INC-2026-0042") { Action = "Isolate web-01" }, verb);
        Assert.False(data.ContainsKey("pointId"));
    }
}
