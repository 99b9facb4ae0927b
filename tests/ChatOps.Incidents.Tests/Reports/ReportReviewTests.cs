using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Reports;
using ChatOps.Incidents.Sla;
using ChatOps.Incidents.Tests.Sla;
using static ChatOps.Incidents.Tests.Approvals.ApprovalFixture;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;
using static ChatOps.Incidents.Tests.Reports.ReportFixture;

namespace ChatOps.Incidents.Tests.Reports;

public sealed class ReportReviewTests
{
    private static readonly ReportFile Docx = new("INC-2026-0001-report-R1.zh-CN.docx", "zh-CN", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 1234, new string('a', 64));

    [Fact]
    public void A_report_is_refused_before_the_summary_phase()
    {
        var refusal = Assert.Throws<IncidentRuleException>(() => Declare().RequestReport(["zh-CN"], Commander, Now));
        Assert.Equal(Rules.ReportNotInSummary, refusal.Rule);
    }

    [Fact]
    public void An_unknown_language_is_refused_with_the_ones_offered()
    {
        var refusal = Assert.Throws<IncidentRuleException>(() => InSummary().RequestReport(["fr"], Commander, Now));
        Assert.Equal((Rules.ReportLanguageUnknown, "zh-CN, en"), (refusal.Rule, refusal.Arguments[1]));
    }

    [Fact]
    public void Asking_again_while_one_compiles_returns_that_one_and_records_nothing()
    {
        var incident = InSummary();
        var (first, events) = incident.RequestReport(["en", "zh-CN"], Commander, Now);
        var (again, none) = incident.RequestReport(["en"], Commander, Now);
        Assert.Equal(("report.requested", 1), (events.Single().Type, first.Number));
        Assert.Equal(["zh-CN", "en"], first.Languages);
        Assert.Same(first, again);
        Assert.Empty(none);
    }

    [Fact]
    public void Delivery_is_recorded_once_and_stops_the_report_clock()
    {
        var incident = InSummary(SlaClockTests.Shipped.Policy("standard"));
        Assert.True(incident.FindClock("report")!.IsRunning);
        incident.RequestReport(["zh-CN"], Commander, Now);

        var delivered = incident.RecordReportDelivered(1, [Docx], incident.TimelineHead, incident.Version, Person.Bot, Now.AddHours(1));

        Assert.Equal("report.delivered", delivered.Single().Type);
        Assert.Equal(Now.AddHours(1), incident.FindClock("report")!.StoppedAt);
        Assert.Empty(incident.RecordReportDelivered(1, [Docx], incident.TimelineHead, incident.Version, Person.Bot, Now.AddHours(2)));
    }

    [Fact]
    public void Only_the_clients_approver_in_the_clients_tenant_reviews_a_report()
    {
        foreach (var (who, tenant) in new[] { (Commander, Tenant), (Responder, Tenant), (Megan, "tenant-other"), (Megan, (string?)null) })
        {
            var incident = Delivered();
            var refusal = Assert.Throws<IncidentRuleException>(() => incident.ReviewReport(1, ReportReviewKind.Confirm, null, Contoso(), tenant, who, Now));
            Assert.Equal((Rules.NotAnApprover, "R1"), (refusal.Rule, refusal.Arguments[0]));
            Assert.False(incident.IsClosed);
        }
    }

    [Fact]
    public void Confirmation_closes_the_incident_and_stops_every_clock()
    {
        var incident = Delivered(SlaClockTests.Shipped.Policy("standard"));
        var later = Now.AddDays(1);

        var events = incident.ReviewReport(1, ReportReviewKind.Confirm, null, Contoso(), Tenant, Megan, later);

        Assert.Equal(["report.confirmed", "incident.closed"], events.Select(e => e.Type));
        Assert.True(incident.IsClosed);
        Assert.Equal(later, incident.ClosedAt);
        Assert.Equal(ReportStatus.Confirmed, incident.FindReport(1)!.Status);
        Assert.All(incident.Clocks.Where(c => c.StartedAt is not null), c => Assert.NotNull(c.StoppedAt));
        Assert.Throws<IncidentRuleException>(() => incident.AddNote("after the end", Responder, later));
    }

    [Fact]
    public void Changes_need_a_comment_and_a_new_version_supersedes_the_old()
    {
        var incident = Delivered();
        var refusal = Assert.Throws<IncidentRuleException>(() => incident.ReviewReport(1, ReportReviewKind.RequestChanges, " ", Contoso(), Tenant, Megan, Now));
        Assert.Equal(Rules.ReportCommentRequired, refusal.Rule);

        var events = incident.ReviewReport(1, ReportReviewKind.RequestChanges, "Add the loss estimate", Contoso(), Tenant, Megan, Now);
        Assert.Equal("report.changes-requested", events.Single().Type);
        Assert.False(incident.IsClosed);

        var (second, _) = incident.RequestReport(["zh-CN"], Commander, Now);
        Assert.Equal(2, second.Number);
        var stale = Assert.Throws<IncidentRuleException>(() => incident.ReviewReport(1, ReportReviewKind.Confirm, null, Contoso(), Tenant, Megan, Now));
        Assert.Equal((Rules.ReportSuperseded, "R2"), (stale.Rule, stale.Arguments[1]));
        var early = Assert.Throws<IncidentRuleException>(() => incident.ReviewReport(2, ReportReviewKind.Confirm, null, Contoso(), Tenant, Megan, Now));
        Assert.Equal(Rules.ReportNotDelivered, early.Rule);
    }

    [Fact]
    public void A_summary_field_is_replaced_and_each_text_stays_on_the_timeline()
    {
        var incident = InSummary();
        var first = incident.RecordSummary(SummaryField.Cause, " Weak admin password ", Responder, Now);
        var same = incident.RecordSummary(SummaryField.Cause, "Weak admin password", Responder, Now);
        var second = incident.RecordSummary(SummaryField.Cause, "Unpatched CMS plugin", Commander, Now);

        Assert.Equal(("summary.recorded", "cause", "Weak admin password"), (first.Single().Type, (string?)first.Single().Data["field"], (string?)first.Single().Data["text"]));
        Assert.Empty(same);
        Assert.Single(second);
        Assert.Equal(("Unpatched CMS plugin", Commander), (incident.FindSummary(SummaryField.Cause)!.Text, incident.FindSummary(SummaryField.Cause)!.By));
        Assert.Equal(Rules.TextTooLong, Assert.Throws<IncidentRuleException>(() =>
            incident.RecordSummary(SummaryField.Damage, new string('x', SummaryEntry.MaxLength + 1), Responder, Now)).Rule);
    }

    [Fact]
    public void Follow_up_lines_drop_list_markers_and_blank_lines()
    {
        var entry = new SummaryEntry(SummaryField.FollowUps, "- Rotate admin passwords\n\n* Patch the CMS\n• Enable MFA", Responder, Now);
        Assert.Equal(["Rotate admin passwords", "Patch the CMS", "Enable MFA"], entry.Lines);
    }

    private static Incident Delivered(SlaPolicy? sla = null)
    {
        var incident = InSummary(sla);
        incident.RequestReport(["zh-CN"], Commander, Now);
        incident.RecordReportDelivered(1, [Docx], incident.TimelineHead, incident.Version, Person.Bot, Now);
        return incident;
    }
}
