using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Reports;
using static ChatOps.Reports.Tests.ReportFixture;

namespace ChatOps.Reports.Tests;

internal sealed partial class ReportScenario
{
    /// <summary>
    /// The incident run with <paramref name="text"/> as its title and a note, then (still in its Summary phase, before the
    /// report compiles) as every summary field, an evidence item with its custody note, and an ad-hoc request with its decision.
    /// </summary>
    public static ReportScenario Hostile(string text)
    {
        string Fit(int max) => text.Length <= max ? text : text[..max];
        var s = Run(Fit(200), note: Fit(1000));
        foreach (var field in Enum.GetValues<SummaryField>())
            s.Add(s.Incident.RecordSummary(field, Fit(SummaryEntry.MaxLength), Commander, At(1665)));
        s.Add(s.Incident.AddEvidence(new EvidenceDraft(EvidenceKind.Log, Fit(EvidenceDraft.MaxText), Fit(EvidenceDraft.MaxText), Responder, At(1600), LogsSha, Fit(EvidenceDraft.MaxText)), Responder, At(1665)));
        s.Add(s.Incident.TransferCustody("EV-003", Analyst, Fit(EvidenceDraft.MaxText), Responder, At(1665)));
        var proposal = new ChatOps.Incidents.Approvals.Proposal(Fit(ChatOps.Incidents.Approvals.Proposal.MaxField), Fit(ChatOps.Incidents.Approvals.Proposal.MaxField), Fit(ChatOps.Incidents.Approvals.Proposal.MaxField), Fit(ChatOps.Incidents.Approvals.Proposal.MaxField), Fit(ChatOps.Incidents.Approvals.Proposal.MaxField), Fit(ChatOps.Incidents.Approvals.Proposal.MaxField));
        var request = s.Request(null, "placeholder", 1665);
        s.Add(s.Incident.ReviseApproval(request.Id, proposal, Contoso.Approval, Responder, At(1665)));
        s.Decide(request, DecisionKind.Reject, Fit(ChatOps.Incidents.Incidents.Incident.MaxComment), Megan, 1665);
        return s;
    }
}
