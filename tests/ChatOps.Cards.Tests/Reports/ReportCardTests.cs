using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Reports;
using ChatOps.Cards.Tests.Checking;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Reports;
using static ChatOps.Cards.Tests.Incidents.CardFixture;

namespace ChatOps.Cards.Tests.Reports;

public sealed class ReportCardTests
{
    private const string Tenant = "tenant";
    private static readonly ReportFile Docx = new("INC-2026-0042-report-R1.zh-CN.docx", "zh-CN", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 48_213, new string('d', 64));
    private static readonly ReportDownloads Downloads = new([new ReportDownload(Docx, new Uri("https://contoso.blob.core.windows.net/x/INC-2026-0042/reports/R1/a.docx?sig=abc"))], Now.AddHours(1));

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void Each_state_of_a_version_renders_under_the_Teams_host_config(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var (incident, report) = Delivered();
        var cards = new List<AdaptiveCard>
        {
            ReportCard.Build(incident, report, Contoso, culture, audience: ["user-id-1"]),
            ReportCard.Build(incident, report, Contoso, culture, Downloads, Contoso.Approvers[0], ["user-id-1"]),
        };
        incident.ReviewReport(1, ReportReviewKind.RequestChanges, "Add the **loss** <estimate>", Contoso, Tenant, Contoso.Approvers[0], Now);
        cards.Add(ReportCard.Build(incident, report, Contoso, culture));
        var (second, _) = incident.RequestReport(["zh-CN"], Commander, Now);
        cards.Add(ReportCard.Build(incident, second, Contoso, culture, progress: "reading 12 events"));
        cards.Add(ReportCard.Build(incident, report, Contoso, culture));
        incident.RecordReportDelivered(2, [Docx], incident.TimelineHead, incident.Version, Person.Bot, Now);
        incident.ReviewReport(2, ReportReviewKind.Confirm, null, Contoso, Tenant, Contoso.Approvers[1], Now);
        cards.Add(ReportCard.Build(incident, second, Contoso, culture));
        cards.Add(FollowUpCard.Build(incident, second, Shanghai, culture));
        cards.Add(SummaryFormCard.Build(incident, Shanghai, culture, "saved", saved: true));

        CardAssert.Valid([.. cards]);
    }

    [Fact]
    public void Only_the_approvers_view_of_a_delivered_version_has_the_buttons_and_everyones_copy_mentions_them()
    {
        var (incident, report) = Delivered();

        var everyone = ReportCard.Build(incident, report, Contoso, CultureInfo.GetCultureInfo("en"), audience: ["user-id-1"]);
        var megan = ReportCard.Build(incident, report, Contoso, CultureInfo.GetCultureInfo("en"), Downloads, Contoso.Approvers[0], ["user-id-1"]);

        Assert.DoesNotContain("report.review", CardJson.ToJson(everyone), StringComparison.Ordinal);
        Assert.Equal(["Megan Bowen", "Adele Vance"], everyone.Msteams!.Entities!.Select(e => e.Mentioned.Name));
        Assert.Equal(["user-id-1"], everyone.Refresh!.UserIds);
        var buttons = megan.Body.OfType<ActionSet>().Single().Actions.Cast<ExecuteAction>().Select(a => ((ReviewReport)a.Data).Decision);
        Assert.Equal(["Confirm", "RequestChanges"], buttons);
        Assert.Equal(Downloads.Links[0].Url, megan.Actions!.OfType<OpenUrlAction>().Single().Url);
        Assert.Contains(new string('d', 64), CardJson.ToJson(megan), StringComparison.Ordinal);
    }

    [Fact]
    public void Follow_ups_are_listed_literally_and_recommendations_stand_in_when_none_were_written()
    {
        var (incident, report) = Delivered();
        incident.RecordSummary(SummaryField.Recommendations, "- Enable MFA\n- Patch **monthly**", Responder, Now);
        incident.ReviewReport(1, ReportReviewKind.Confirm, null, Contoso, Tenant, Contoso.Approvers[0], Now);

        var json = CardJson.ToJson(FollowUpCard.Build(incident, report, Shanghai, CultureInfo.GetCultureInfo("en")));

        Assert.Contains("1. Enable MFA", json, StringComparison.Ordinal);
        Assert.Contains("2. Patch **monthly**", json, StringComparison.Ordinal);
        Assert.Contains("RichTextBlock", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_form_keeps_what_was_typed_when_a_save_is_refused()
    {
        var incident = Incident();
        var typed = new Dictionary<SummaryField, string> { [SummaryField.Cause] = "typed but refused" };

        var card = SummaryFormCard.Build(incident, Shanghai, CultureInfo.GetCultureInfo("en"), "refused", typed: typed);

        Assert.Equal("typed but refused", card.Body.OfType<TextInput>().Single(i => i.Id == "cause").Value);
        Assert.Equal(8, card.Body.OfType<TextInput>().Count());
    }

    private static (Incident Incident, ReportVersion Report) Delivered()
    {
        var incident = Incident();
        ChatOps.Testing.IncidentWalk.ToSummary(incident, Playbook, Now);
        var (report, _) = incident.RequestReport(["zh-CN"], Commander, Now);
        incident.RecordReportDelivered(1, [Docx], incident.TimelineHead, incident.Version, Person.Bot, Now);
        return (incident, report);
    }
}
