using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Approvals;
using ChatOps.Cards.Evidence;
using ChatOps.Cards.Incidents;
using ChatOps.Cards.Pages;
using ChatOps.Cards.Reports;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Pages;
using ChatOps.Incidents.Reports;
using ChatOps.Testing;
using static ChatOps.Cards.Tests.Incidents.CardFixture;

namespace ChatOps.Cards.Tests.Adaptive;

/// <summary>Every card that shows or keeps text people typed, built from one text: title, notes, proposals, comments, evidence, summary, page.</summary>
internal static class HostileCards
{
    private static readonly Person Megan = Contoso.Approvers[0];
    private static readonly ReportFile Docx = new("r.docx", "en", "docx", "application/octet-stream", 1, new string('d', 64));

    public static IEnumerable<(string Name, AdaptiveCard Card)> Build(string text, CultureInfo language)
    {
        // The domain refuses text over its limits (never cuts it): each field gets what it takes.
        string Fit(int max) => text.Length <= max ? text : text[..max];
        var incident = Incident(Fit(200), Fit(2000));
        incident.SetPointStatus(Playbook, "CP-04", PointStatus.NotApplicable, Fit(500), Responder, Now);
        incident.AddNote(Fit(500), Responder, Now, Playbook, "CP-01");
        var proposal = new Proposal(Fit(Proposal.MaxField), Fit(Proposal.MaxField), Fit(Proposal.MaxField), Fit(Proposal.MaxField), Fit(Proposal.MaxField), Fit(Proposal.MaxField));
        var (request, _) = incident.RequestApproval(Playbook, "CP-09", proposal, Contoso.Approval, Responder, Now);
        incident.Decide(request.Id, request.ProposalHash, DecisionKind.RequestChanges, Fit(ChatOps.Incidents.Incidents.Incident.MaxComment), Contoso, Contoso.TenantId, Megan, Now);
        incident.BreakGlass(Playbook, "CP-02", "Justified at length: " + Fit(ChatOps.Incidents.Incidents.Incident.MaxComment - 21), Commander, Now);
        incident.AddEvidence(new EvidenceDraft(EvidenceKind.Log, Fit(EvidenceDraft.MaxText), Fit(EvidenceDraft.MaxText), Responder, Now, new string('a', 64), Fit(EvidenceDraft.MaxText)), Responder, Now);
        incident.TransferCustody("EV-001", Commander, Fit(EvidenceDraft.MaxText), Responder, Now);
        var (page, _) = incident.SendPage(PageReason.Manual, Fit(ChatOps.Incidents.Incidents.Incident.MaxPageMessage), null, 1, [Responder], Commander, Now);

        yield return ("incident", IncidentCard.Build(incident, Playbook, Contoso, language, Shanghai));
        yield return ("checklist", ChatOps.Cards.Checklists.ChecklistCard.Build(incident, Playbook, "preparation", language));
        yield return ("approval", ApprovalCard.Build(incident, Playbook, request, Contoso, Now, language, approver: Megan, audience: ["29:megan"]));
        yield return ("approval form", ApprovalFormCard.Build(incident, Playbook, "CP-09", request.Id, proposal, language));
        yield return ("break glass", BreakGlassCard.Build(incident, Playbook, incident.Overrides[0], Contoso, language));
        yield return ("evidence", EvidenceListCard.Build(incident, language, Shanghai)[0]);
        yield return ("evidence form", EvidenceFormCard.Build(incident, [Responder], language, Shanghai, Now, "f-1",
            new AddEvidence(incident.Id, "f-1") { Item = text, Source = text, Location = text, Sha256 = text, CollectedDate = text, CollectedTime = text, Kind = text }));
        yield return ("page", PageCard.Build(incident, page, Shanghai, language, [Responder]));
        yield return ("declare form", DeclareFormCard.Build(language, [Contoso], Playbook, "d-1",
            new DeclareIncident("d-1") { Client = text, Type = text, Severity = text, Title = text, Description = text, Commander = text }));

        var closing = Incident(Fit(200), Fit(2000));
        ChatOps.Testing.IncidentWalk.ToSummary(closing, Playbook, Now);
        foreach (var field in Enum.GetValues<SummaryField>())
            closing.RecordSummary(field, Fit(SummaryEntry.MaxLength), Commander, Now);
        yield return ("summary form", SummaryFormCard.Build(closing, Shanghai, language));
        var (report, _) = closing.RequestReport(["en"], Commander, Now);
        closing.RecordReportDelivered(1, [Docx], closing.TimelineHead, closing.Version, Person.Bot, Now);
        closing.ReviewReport(1, ReportReviewKind.RequestChanges, Fit(ChatOps.Incidents.Incidents.Incident.MaxComment), Contoso, Contoso.TenantId, Megan, Now);
        yield return ("report", ReportCard.Build(closing, report, Contoso, language, approver: Megan, audience: ["29:megan"]));
    }
}
