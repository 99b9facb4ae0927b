using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Evidence;

namespace ChatOps.Reports.Documents;

/// <summary>The client's authorisations (every decision, bound to its proposal hash), break glass, and the evidence register.</summary>
internal static partial class ReportBuilder
{
    private static IEnumerable<ReportSection> Approvals(ReportContext c)
    {
        var approvals = c.Incident.Approvals;
        yield return new ReportSection(1, c.T("Section.Approvals"), approvals.Count == 0
            ? [new TextBlock(c.T("Approvals.None"), Muted: true)]
            :
            [
                new TableBlock(
                    [
                        c.T("Approvals.Column.Request"), c.T("Approvals.Column.What"), c.T("Approvals.Column.RequestedBy"), c.T("Approvals.Column.DecidedBy"),
                        c.T("Approvals.Column.At"), c.T("Approvals.Column.Decision"), c.T("Approvals.Column.Comment"), c.T("Approvals.Column.Hash"),
                    ],
                    [2, 3, 2, 2, 2, 2, 3, 3], approvals.SelectMany(a => ApprovalRows(c, a))),
            ]);
        if (c.Incident.Overrides.Count > 0)
        {
            yield return new ReportSection(2, c.T("Section.Overrides"),
            [
                new TableBlock([c.T("Overrides.Column.Point"), c.T("Overrides.Column.By"), c.T("Overrides.Column.At"), c.T("Overrides.Column.Justification")],
                    [3, 2, 2, 5], c.Incident.Overrides.Select(o => (IReadOnlyList<string>)[c.Point(o.PointId), o.By.Name, c.Time(o.At), o.Justification])),
            ]);
        }
    }

    /// <summary>One row per decision (earlier revisions' decisions included, each with its own hash), and one for a request still awaiting one.</summary>
    private static IEnumerable<IReadOnlyList<string>> ApprovalRows(ReportContext c, ApprovalRequest request)
    {
        var requested = c.F("Approvals.RequestedBy", request.RequestedBy.Name, c.Time(request.RequestedAt));
        foreach (var d in request.Decisions)
        {
            yield return
            [
                c.F("Approvals.Request", request.Id, c.Point(request.PointId), d.Revision), request.Proposal.Action, requested,
                d.By.Name, c.Time(d.At), c.Decision(d.Kind.ToString()), d.Comment ?? c.T("Dash"), d.ProposalHash,
            ];
        }
        if (request.Status is ApprovalStatus.Pending or ApprovalStatus.Expired)
        {
            yield return
            [
                c.F("Approvals.Request", request.Id, c.Point(request.PointId), request.Revision), request.Proposal.Action, requested,
                c.T("Dash"), request.Status == ApprovalStatus.Expired ? c.Time(request.ExpiresAt) : c.T("Dash"),
                c.T($"ApprovalStatus.{request.Status}"), c.T("Dash"), request.ProposalHash,
            ];
        }
    }

    private static ReportSection Evidence(ReportContext c)
    {
        var items = c.Incident.Evidence;
        return new ReportSection(1, c.T("Section.Evidence"), items.Count == 0
            ? [new TextBlock(c.T("Evidence.None"), Muted: true)]
            :
            [
                new TableBlock(
                    [
                        c.T("Evidence.Column.Id"), c.T("Evidence.Column.Item"), c.T("Evidence.Column.Collected"), c.T("Evidence.Column.Hash"),
                        c.T("Evidence.Column.Location"), c.T("Evidence.Column.Custody"),
                    ],
                    [2, 3, 2, 4, 2, 3], items.Select(e => EvidenceRow(c, e))),
            ]);
    }

    private static IReadOnlyList<string> EvidenceRow(ReportContext c, EvidenceItem item)
    {
        var custody = item.Custody.Count == 0
            ? c.F("Evidence.Held", item.CollectedBy.Name)
            : string.Join('\n', item.Custody.Select(t => t.Note is null
                ? c.F("Evidence.Transfer", c.Time(t.At), t.From.Name, t.To.Name)
                : c.F("Evidence.TransferNote", c.Time(t.At), t.From.Name, t.To.Name, t.Note)));
        return
        [
            c.F("Evidence.IdKind", item.Id, c.T($"EvidenceKind.{item.Kind}")), c.F("Evidence.ItemSource", item.Item, item.Source),
            c.F("Evidence.Collected", item.CollectedBy.Name, c.Time(item.CollectedAt)), item.Sha256, item.Location, custody,
        ];
    }
}
