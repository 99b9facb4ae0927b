using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;
using ChatOps.Reports.Documents;
using static ChatOps.Reports.Tests.ReportFixture;

namespace ChatOps.Reports.Tests.Documents;

public sealed class ReportDocumentTests
{
    [Theory]
    [InlineData("en", "Not recorded.")]
    [InlineData("zh-CN", "未记录。")]
    public void Summary_fields_nobody_recorded_say_not_recorded_instead_of_staying_blank(string language, string notRecorded)
    {
        var scenario = ReportScenario.Run(summary: false);

        var document = ReportCompiler.Document(scenario.Inputs(), language);
        var markdown = CompiledReport.Of(scenario).Markdown(language);

        // Phenomenon and cause twice (summary, then their sections), intrusion path, damage, loss, recommendations, follow-ups, legal.
        Assert.Equal(10, Blocks(document).Count(b => b is TextBlock { Muted: true } t && t.Text == notRecorded));
        Assert.Equal(10, markdown.Split($"*{notRecorded}*").Length - 1);
    }

    [Fact]
    public void Every_event_type_the_domain_records_reads_as_its_own_line_with_the_actor_name()
    {
        var scenario = ReportScenario.Run().Close();
        var inputs = ReportFixture.Inputs(scenario.Incident, scenario.Events, Start.AddDays(2));

        var lines = Timeline(ReportCompiler.Document(inputs, "en"));

        Assert.Equal(scenario.Events.Count, lines.Count);
        Assert.DoesNotContain(lines, l => l.Text.Contains(": Recorded an event of type", StringComparison.Ordinal));
        var types = scenario.Events.Select(e => e.Type).ToHashSet();
        Assert.Superset(Recorded.ToHashSet(), types);
        Assert.Contains(lines, l => l.Text == "Adele Vance: Confirmed report R2");
        Assert.Contains(lines, l => l.Text == "Adele Vance: Closed the incident on the client's confirmation of report R2");
    }

    [Fact]
    public void Someone_neither_the_incident_nor_the_client_knows_stays_an_id()
    {
        var scenario = ReportScenario.Run();
        scenario.Events.AddRange(scenario.Incident.RecordRefusal("APR-01", Rules.NotAnApprover, null, "other-tenant", new Person("aad-mallory", "Mallory"), Start.AddDays(2)));

        var lines = Timeline(ReportCompiler.Document(ReportFixture.Inputs(scenario.Incident, scenario.Events, Start.AddDays(2)), "en"));

        Assert.Equal("aad-mallory: Was refused a decision on APR-01 (approval.not-an-approver)", lines[^1].Text);
    }

    [Fact]
    public void Events_stored_after_the_state_was_read_are_left_for_the_next_version()
    {
        var scenario = ReportScenario.Run();
        var later = TimelineEvent.Append(scenario.Incident.TimelineHead, scenario.Incident.Version + 1, "note.added", Start.AddDays(3), "aad-responder", new() { ["text"] = "late" });

        var document = ReportCompiler.Document(ReportFixture.Inputs(scenario.Incident, [.. scenario.Events, later], Start.AddDays(3)), "en");

        Assert.Equal(scenario.Events.Count, Timeline(document).Count);
        Assert.Contains(Facts(document), f => f.Value.StartsWith("Intact", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tampered_event_is_named_in_the_appendix_and_the_summary()
    {
        var scenario = ReportScenario.Run();
        var events = scenario.Events.ToList();
        events[9] = events[9] with { Data = new() { ["text"] = "rewritten" } };

        var document = ReportCompiler.Document(ReportFixture.Inputs(scenario.Incident, events, Start.AddDays(2)), "en");

        Assert.Contains(Facts(document), f => f.Value == "BROKEN at event 10: event 10 was altered after it was recorded");
        Assert.Contains(Blocks(document).OfType<ListBlock>().SelectMany(l => l.Items), i => i.Text.EndsWith("the hash chain does NOT verify (see the appendix).", StringComparison.Ordinal));
    }

    [Fact]
    public void A_closed_incident_names_the_confirmed_version_and_when_it_closed()
    {
        var scenario = ReportScenario.Run().Close();

        var document = ReportCompiler.Document(ReportFixture.Inputs(scenario.Incident, scenario.Events, Start.AddDays(2)), "zh-CN");

        Assert.Contains(document.Cover.Facts, f => f.Value == "已于 2026年11月24日 14:50 UTC+08:00 关闭");
        Assert.Contains(Blocks(document).OfType<TextBlock>(), t => t.Text == "客户于 2026年11月24日 14:50 UTC+08:00 确认报告 R2，事件随之关闭。");
    }

    /// <summary>Every type the domain records today (grep Record(" in ChatOps.Incidents); the closed scenario holds each.</summary>
    private static readonly string[] Recorded =
    [
        "incident.declared", "incident.acknowledged", "incident.closed", "channel.opened", "message.posted", "message.edited", "message.deleted",
        "point.status", "point.assigned", "point.link", "note.added", "phase.advanced", "approval.requested", "approval.revised", "approval.decided",
        "approval.refused", "approval.expired", "gate.overridden", "evidence.added", "evidence.custody", "sla.warning", "sla.breached", "page.sent",
        "page.escalated", "page.acked", "summary.recorded", "report.requested", "report.delivered", "report.refused", "report.changes-requested",
        "report.confirmed",
    ];

    private static List<ReportBlock> Blocks(ReportDocument document) => [.. document.Sections.SelectMany(s => s.Blocks)];

    private static List<ListItem> Timeline(ReportDocument document) =>
        [.. document.Sections.Single(s => s.Heading == "Timeline").Blocks.OfType<ListBlock>().Single().Items];

    private static IEnumerable<Fact> Facts(ReportDocument document) => Blocks(document).OfType<FactsBlock>().SelectMany(f => f.Facts);
}
