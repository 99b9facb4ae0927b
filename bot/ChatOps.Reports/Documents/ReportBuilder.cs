using System.Globalization;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Reports;
using ChatOps.Incidents.Sla;
using ChatOps.Reports.Resources;

namespace ChatOps.Reports.Documents;

/// <summary>
/// Builds the report in one language from the facts: cover, executive summary, description, timeline, control points,
/// approvals, evidence, measures, root cause, impact, recommendations, legal implications, SLA, appendix. Pure.
/// </summary>
internal static partial class ReportBuilder
{
    public static ReportDocument Build(ReportFacts facts, CultureInfo language)
    {
        var c = new ReportContext(facts, new ReportText(language));
        List<ReportSection> sections =
        [
            Summary(c), .. Description(c), Timeline(c), .. ControlPoints(c), .. Approvals(c), Evidence(c), .. Measures(c),
            .. RootCause(c), .. Impact(c), .. Recommendations(c), Legal(c), Sla(c), Appendix(c),
        ];
        return new ReportDocument(language, facts.Incident.Id, facts.Inputs.CompiledAt, Cover(c),
            c.T("Contents.Heading"), c.T("Contents.Hint"), c.T("Footer.Page"), c.T("Label.Separator"), sections);
    }

    private static ReportCover Cover(ReportContext c)
    {
        var incident = c.Incident;
        var client = c.Facts.Inputs.Client;
        var responders = client.Responders.Concat(incident.Points.Values.Select(p => p.Assignee).OfType<Person>())
            .Where(p => p.AadObjectId != incident.Commander.AadObjectId).DistinctBy(p => p.AadObjectId).Select(p => p.Name);
        var version = c.Facts.Inputs.Version;
        return new ReportCover(c.T("Report.Title"), incident.Title,
        [
            new(c.T("Cover.Client"), client.Name),
            new(c.T("Cover.IncidentId"), incident.Id),
            new(c.T("Cover.Type"), TypeName(c)),
            new(c.T("Cover.Severity"), SeverityName(c)),
            new(c.T("Cover.Declared"), c.Time(incident.DeclaredAt)),
            new(c.T("Cover.Status"), incident.ClosedAt is { } closed ? c.F("Status.Closed", c.Time(closed)) : c.F("Status.Open", c.Phase(incident.Phase))),
            new(c.T("Cover.Commander"), incident.Commander.Name),
            new(c.T("Cover.Responders"), c.Text.List(responders)),
            new(c.T("Cover.Approvers"), c.Text.List(client.Approvers.Select(a => a.Name))),
            new(c.T("Cover.Version"), c.F("Cover.VersionValue", version.Label, version.RequestedBy.Name, c.Time(version.RequestedAt))),
            new(c.T("Cover.CompiledAt"), c.Time(c.Facts.Inputs.CompiledAt)),
            new(c.T("Cover.TimeZone"), c.F("Cover.TimeZoneValue", c.Facts.Zone.Id, ReportText.Offset(c.Facts.Inputs.CompiledAt, c.Facts.Zone))),
        ]);
    }

    private static ReportSection Summary(ReportContext c)
    {
        var incident = c.Incident;
        var points = incident.Points.Values.ToList();
        var done = points.Count(p => p.Status == PointStatus.Done);
        var notApplicable = points.Count(p => p.Status == PointStatus.NotApplicable);
        var approvals = incident.Approvals;
        var confirmed = incident.Reports.LastOrDefault(r => r.Status == ReportStatus.Confirmed);
        List<ReportBlock> blocks =
        [
            new TextBlock(c.F("Summary.Opening", incident.Id, incident.Title, TypeName(c), SeverityName(c), c.Facts.Inputs.Client.Name,
                c.Time(incident.DeclaredAt), incident.Commander.Name)),
            new TextBlock(incident.ClosedAt is { } closed && confirmed is not null
                ? c.F("Summary.Closed", confirmed.Label, c.Time(closed))
                : c.F("Summary.Open", c.Phase(incident.Phase))),
            new ListBlock(
            [
                new(c.F("Summary.Points", done, notApplicable, points.Count - done - notApplicable, points.Count)),
                new(c.F("Summary.Approvals", approvals.Count, approvals.Count(a => a.Status == ApprovalStatus.Approved),
                    approvals.Count(a => a.Status is ApprovalStatus.Rejected or ApprovalStatus.ChangesRequested), incident.Overrides.Count)),
                new(c.F("Summary.Evidence", incident.Evidence.Count)),
                new(SlaSummary(c)),
                new(c.F("Summary.Events", c.Facts.Events.Count, c.T(c.Facts.Chain.Intact ? "Summary.ChainIntact" : "Summary.ChainBroken"))),
            ]),
            Lead(c, SummaryField.Phenomenon),
            Lead(c, SummaryField.Cause),
        ];
        return new ReportSection(1, c.T("Section.Summary"), blocks);
    }

    private static IEnumerable<ReportSection> Description(ReportContext c)
    {
        var incident = c.Incident;
        yield return new ReportSection(1, c.T("Section.Description"),
        [
            new TextBlock(incident.Title, c.T("Cover.Title")),
            incident.Description.Length > 0 ? new TextBlock(incident.Description, c.T("Description.Text")) : new TextBlock(c.T("NotRecorded"), c.T("Description.Text"), Muted: true),
        ]);
        yield return new ReportSection(2, c.FieldLabel(SummaryField.Phenomenon), [c.Field(SummaryField.Phenomenon)]);
    }

    private static string SlaSummary(ReportContext c)
    {
        var clocks = c.Incident.Clocks;
        if (clocks.Count == 0)
            return c.T("Summary.NoSla");
        var states = clocks.Select(k => k.Read(c.Facts.Inputs.Calendars(k.CalendarId), c.Facts.Inputs.CompiledAt).State).ToList();
        var met = states.Count(s => s == SlaState.Met);
        var breached = states.Count(s => s is SlaState.Breached or SlaState.MissedAndStopped);
        return c.F("Summary.Sla", met, breached, states.Count - met - breached, states.Count);
    }

    /// <summary>A summary field in a paragraph led by its name: its text, or "not recorded".</summary>
    private static TextBlock Lead(ReportContext c, SummaryField field) =>
        c.Incident.FindSummary(field) is { } entry
            ? new TextBlock(entry.Text, c.FieldLabel(field))
            : new TextBlock(c.T("NotRecorded"), c.FieldLabel(field), Muted: true);

    private static string TypeName(ReportContext c)
    {
        var type = c.Playbook.FindType(c.Incident.TypeId);
        var category = type is null ? null : c.Playbook.Taxonomy.FirstOrDefault(t => t.Id == type.CategoryId);
        return type is null ? c.Incident.TypeId : category is null ? c.In(type.Name) : c.F("Type.Label", c.In(type.Name), c.In(category.Name));
    }

    private static string SeverityName(ReportContext c) =>
        c.Playbook.FindSeverity(c.Incident.SeverityId) is { } severity ? c.F("Severity.Label", severity.Id, c.In(severity.Name)) : c.Incident.SeverityId;
}
