using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Reports;

namespace ChatOps.Reports.Documents;

/// <summary>What was done (containment, eradication, recovery) and what was found: cause, impact, recommendations, legal implications.</summary>
internal static partial class ReportBuilder
{
    private static readonly string[] MeasurePhases = ["containment", "eradication", "recovery"];

    private static IEnumerable<ReportSection> Measures(ReportContext c)
    {
        yield return new ReportSection(1, c.T("Section.Measures"), [new TextBlock(c.T("Measures.Intro"))]);
        foreach (var phase in c.Playbook.Phases.Where(p => MeasurePhases.Contains(p.Id)))
            yield return new ReportSection(2, c.In(phase.Name), MeasureBlocks(c, phase));
    }

    private static List<ReportBlock> MeasureBlocks(ReportContext c, Phase phase)
    {
        var approved = c.Incident.Approvals
            .Where(a => a.Status == ApprovalStatus.Approved && c.Facts.ApprovalPhases.GetValueOrDefault(a.Id, c.Playbook.FindControlPoint(a.PointId ?? "")?.PhaseId ?? "") == phase.Id)
            .ToList();
        var notes = c.Facts.PointNotes.GetValueOrDefault(phase.Id) ?? [];
        var blocks = new List<ReportBlock>();
        if (approved.Count > 0)
        {
            blocks.Add(new TextBlock(c.T("Measures.Proposals")));
            blocks.Add(new ListBlock(approved.Select(a => new ListItem(Proposal(c, a), c.F("Measures.ProposalLead", a.Id, c.Point(a.PointId))))));
        }
        if (notes.Count > 0)
        {
            blocks.Add(new TextBlock(c.T("Measures.Notes")));
            blocks.Add(new ListBlock(notes.Select(e => new ListItem(
                c.F("Measures.Note", c.Name(e.Actor), c.Point(AuditData.Text(e.Data, "point")), AuditData.Text(e.Data, "text")), c.Instant(e.At)))));
        }
        if (blocks.Count == 0)
            blocks.Add(new TextBlock(c.T("Measures.None"), Muted: true));
        return blocks;
    }

    private static string Proposal(ReportContext c, ApprovalRequest request)
    {
        var p = request.Proposal;
        var approvers = request.CurrentDecisions.Where(d => d.Kind == DecisionKind.Approve).ToList();
        return c.F("Measures.Proposal", p.Action, p.Systems, p.Window, p.Rollback, p.Impact,
            c.Text.List(approvers.Select(d => d.By.Name)), c.Time(approvers.Count > 0 ? approvers.Max(d => d.At) : request.RequestedAt));
    }

    private static IEnumerable<ReportSection> RootCause(ReportContext c)
    {
        yield return new ReportSection(1, c.T("Section.RootCause"), []);
        yield return new ReportSection(2, c.FieldLabel(SummaryField.Cause), [c.Field(SummaryField.Cause)]);
        yield return new ReportSection(2, c.FieldLabel(SummaryField.IntrusionPath), [c.Field(SummaryField.IntrusionPath)]);
    }

    private static IEnumerable<ReportSection> Impact(ReportContext c)
    {
        yield return new ReportSection(1, c.T("Section.Impact"), []);
        yield return new ReportSection(2, c.FieldLabel(SummaryField.Damage), [c.Field(SummaryField.Damage)]);
        yield return new ReportSection(2, c.FieldLabel(SummaryField.LossEstimate), [c.Field(SummaryField.LossEstimate)]);
    }

    private static IEnumerable<ReportSection> Recommendations(ReportContext c)
    {
        yield return new ReportSection(1, c.T("Section.Recommendations"), [Lines(c, SummaryField.Recommendations)]);
        yield return new ReportSection(2, c.FieldLabel(SummaryField.FollowUps), [Lines(c, SummaryField.FollowUps)]);
    }

    private static ReportSection Legal(ReportContext c) =>
        new(1, c.T("Section.Legal"), [c.Field(SummaryField.LegalImplications)]);

    /// <summary>A list field (one item a line), or "not recorded".</summary>
    private static ReportBlock Lines(ReportContext c, SummaryField field) =>
        c.Incident.FindSummary(field) is { Lines.Count: > 0 } entry ? new ListBlock([.. entry.Lines.Select(l => new ListItem(l))]) : c.NotRecorded();
}
