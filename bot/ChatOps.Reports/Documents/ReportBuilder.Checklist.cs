using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Playbooks;
using ChatOps.Reports.Resources;

namespace ChatOps.Reports.Documents;

/// <summary>The record of the response: the timeline, and each phase's control points with their state, owner and deliverables.</summary>
internal static partial class ReportBuilder
{
    private static ReportSection Timeline(ReportContext c)
    {
        var facts = c.Facts;
        var offset = ReportText.Offset(c.Incident.DeclaredAt, facts.Zone);
        // Lazy: the writers stream the lines, so a 100,000-event timeline is never held as text.
        return new ReportSection(1, c.T("Section.Timeline"),
        [
            new TextBlock(c.F("Timeline.Intro", facts.Zone.Id, offset, facts.Events.Count)),
            new ListBlock(facts.Events.Select(e => TimelineLines.Describe(e, c))),
        ]);
    }

    private static IEnumerable<ReportSection> ControlPoints(ReportContext c)
    {
        var playbook = c.Playbook;
        yield return new ReportSection(1, c.T("Section.ControlPoints"), [new TextBlock(c.F("Points.Intro", c.In(playbook.Name), playbook.Id, playbook.Version))]);
        foreach (var phase in playbook.Phases)
        {
            var rows = phase.ControlPoints.Select(p => PointRow(c, p)).ToList();
            yield return new ReportSection(2, c.In(phase.Name),
            [
                new TextBlock(c.F("Phase.Objective", c.In(phase.Objective))),
                new TableBlock([c.T("Points.Column.Point"), c.T("Points.Column.State"), c.T("Points.Column.Owner"), c.T("Points.Column.Authorisation"), c.T("Points.Column.Deliverables")],
                    [3, 2, 2, 3, 3], rows),
            ]);
        }
    }

    private static string[] PointRow(ReportContext c, ControlPoint point)
    {
        var state = c.Incident.Points.GetValueOrDefault(point.Id) ?? PointState.New;
        var status = state.Status == PointStatus.NotApplicable ? c.F("State.NotApplicable", state.Reason) : c.T($"PointStatus.{state.Status}");
        var deliverables = point.Deliverables.Select(d => c.In(d.Name)).Concat(state.Links.Select(l => l.Url.AbsoluteUri)).ToList();
        return
        [
            c.F("Point.Label", point.Id, c.In(point.Name), point.Reference),
            status,
            state.Assignee?.Name ?? c.T("Owner.None"),
            Authorisation(c, point),
            deliverables.Count == 0 ? c.T("Dash") : string.Join('\n', deliverables),
        ];
    }

    private static string Authorisation(ReportContext c, ControlPoint point)
    {
        if (!point.IsGated)
            return c.T("Authorisation.NotRequired");
        if (c.Incident.Overrides.LastOrDefault(o => o.PointId == point.Id) is { } glass)
            return c.F("Authorisation.Override", glass.By.Name, c.Time(glass.At));
        if (c.Incident.Approvals.LastOrDefault(a => a.PointId == point.Id && a.Status == ApprovalStatus.Approved) is { } approval)
            return c.F("Authorisation.Approved", approval.Id, c.Text.List(approval.CurrentDecisions.Where(d => d.Kind == DecisionKind.Approve).Select(d => d.By.Name)));
        return c.T(point.Authorisation == Incidents.Playbooks.Authorisation.Written ? "Authorisation.MissingWritten" : "Authorisation.Missing");
    }
}
