using ChatOps.Incidents.Sla;

namespace ChatOps.Reports.Documents;

/// <summary>The contract's clocks against what happened, and the appendix that lets a reader verify the record.</summary>
internal static partial class ReportBuilder
{
    private static ReportSection Sla(ReportContext c)
    {
        var inputs = c.Facts.Inputs;
        if (c.Incident.Clocks.Count == 0)
            return new ReportSection(1, c.T("Section.Sla"), [new TextBlock(c.T("Summary.NoSla"), Muted: true)]);
        return new ReportSection(1, c.T("Section.Sla"),
        [
            new TextBlock(c.F("Sla.Intro", inputs.Sla is null ? c.Incident.SlaPolicyId : c.In(inputs.Sla.Name), c.Time(inputs.CompiledAt))),
            new TableBlock(
                [c.T("Sla.Column.Clock"), c.T("Sla.Column.Target"), c.T("Sla.Column.Started"), c.T("Sla.Column.Stopped"), c.T("Sla.Column.Consumed"), c.T("Sla.Column.Result")],
                [3, 2, 3, 3, 2, 2], [.. c.Incident.Clocks.Select(k => ClockRow(c, k))]),
        ]);
    }

    private static IReadOnlyList<string> ClockRow(ReportContext c, SlaClock clock)
    {
        var reading = clock.Read(c.Facts.Inputs.Calendars(clock.CalendarId), c.Facts.Inputs.CompiledAt);
        var stopped = clock.StoppedAt is { } at ? c.Time(at)
            : clock.StartedAt is null ? c.T("Dash")
            : c.T(clock.IsPaused ? "Sla.Paused" : "Sla.Running");
        return
        [
            c.Clock(clock.Id), c.Text.Duration(clock.Target), c.Time(clock.StartedAt), stopped,
            c.F("Sla.Consumed", c.Text.Duration(reading.Consumed), reading.Percent), c.T($"Sla.Result.{reading.State}"),
        ];
    }

    private static ReportSection Appendix(ReportContext c)
    {
        var facts = c.Facts;
        var chain = facts.Chain;
        var playbook = c.Playbook;
        return new ReportSection(1, c.T("Section.Appendix"),
        [
            new FactsBlock(
            [
                new(c.T("Appendix.Head"), c.Incident.TimelineHead),
                new(c.T("Appendix.Events"), c.F("Appendix.EventsValue", facts.Events.Count)),
                new(c.T("Appendix.Chain"), chain.Intact ? c.F("Chain.Intact", chain.Count) : c.F("Chain.Broken", chain.BrokenAt, chain.Reason)),
                new(c.T("Appendix.Version"), facts.Inputs.Version.Label),
                new(c.T("Cover.CompiledAt"), c.Time(facts.Inputs.CompiledAt)),
                new(c.T("Appendix.Playbook"), c.F("Appendix.PlaybookValue", c.In(playbook.Name), playbook.Id, playbook.Version)),
            ]),
            new TextBlock(c.T("Appendix.Method")),
        ]);
    }
}
