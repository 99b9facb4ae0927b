using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Reports;
using static ChatOps.Reports.Tests.ReportFixture;

namespace ChatOps.Reports.Tests;

internal sealed partial class ReportScenario
{
    private void Detection()
    {
        Add(Incident.Assign(Playbook, "CP-05", Analyst, Commander, At(66)));
        Decide(Request("CP-05", "Image web-01's disk and memory", 67), DecisionKind.Approve, null, Megan, 70);
        Decide(Request("CP-06", "Detection plan: web logs, memory analysis and a file integrity scan", 71), DecisionKind.Approve, "Only web-01, please", Adele, 75);
        Done("CP-05", 76);
        Done("CP-06", 76);
        Add(Incident.AddEvidence(Evidence("Memory dump of web-01", MemorySha, At(78)), Responder, At(80)));
        Add(Incident.AddEvidence(Evidence("Web access logs, 20–23 Nov", LogsSha, At(84), EvidenceKind.Log), Responder, At(85)));
        Add(Incident.TransferCustody("EV-001", Analyst, "For memory analysis", Responder, At(90)));
        Note("CP-07", "Webshell found at /var/www/upload/x.php, uploaded on 21 Nov", Analyst, 95);
        Done("CP-07", 96, Analyst);
        Add(Incident.AdvancePhase(Playbook, Commander, At(100)));
    }

    private void Containment()
    {
        Done("CP-08", 101);
        var isolate = Request("CP-09", "Isolate web-01 from the network", 102);
        var first = isolate.ProposalHash;
        Add(Incident.ReviseApproval(isolate.Id, Proposal("Isolate web-01 from the network") with { Window = "Now, 12:00–12:30 CST" }, Contoso.Approval, Responder, At(104)));
        Add(Incident.RecordRefusal(isolate.Id, Rules.ProposalSuperseded, first, Tenant, Megan, At(105)));
        IsolationHash = isolate.ProposalHash;
        Decide(isolate, DecisionKind.Approve, "Go ahead, call me first", Megan, 106);
        Done("CP-09", 107);
        Note("CP-10", "Port 12 on sw-core-1 shut; outbound traffic from web-01 blocked at the firewall", Responder, 110);
        Done("CP-10", 111);
        Add(Incident.AdvancePhase(Playbook, Commander, At(120)));
    }

    private void Eradication()
    {
        Done("CP-11", 121);
        Decide(Request("CP-12", "Wipe and rebuild web-01 from the golden image", 122), DecisionKind.Reject, "Rebuild only after the quarterly release", Adele, 125);
        Add(Incident.BreakGlass(Playbook, "CP-12", "The webshell is still reachable and the attacker is active now", Commander, At(130)));
        Decide(Request(null, "Reset the passwords of all web administrators", 131), DecisionKind.Approve, null, Megan, 133);
        Note("CP-13", "Rebuilt web-01 from golden image 2026.11; removed x.php; patched the upload handler", Responder, 135);
        Done("CP-12", 136);
        Done("CP-13", 136);
        Add(Incident.AdvancePhase(Playbook, Commander, At(140)));
    }

    private void Recovery()
    {
        Request(null, "Restore the CMS database from the 20 Nov backup", 141);
        Note("CP-14", "Restored the site from the clean 02:00 snapshot", Responder, 142);
        Done("CP-14", 143);
        Add(Incident.ExpireApprovals(Person.Bot, At(1620)));
        Add(Incident.AddLink(Playbook, "CP-15", new Uri("https://contoso.sharepoint.com/sites/ir/INC-2026-0042/recovery.docx"), Responder, At(1625)));
        Done("CP-15", 1626);
        Add(Incident.RecordMessage("edited", "m-1", "<p>Homepage back to normal</p>", Responder, At(1630)));
        Add(Incident.RecordMessage("deleted", "m-2", null, Responder, At(1631)));
        Add(Incident.AdvancePhase(Playbook, Commander, At(1640)));
    }

    private void Summary(bool fill)
    {
        if (fill)
        {
            Record(SummaryField.Phenomenon, "The homepage showed a ransom note from 09:40; the rest of the site worked.", 1650);
            Record(SummaryField.Cause, "An unauthenticated file upload in the CMS let the attacker place a webshell.", 1651);
            Record(SummaryField.IntrusionPath, "POST /upload from 203.0.113.7, then the webshell x.php replaced index.html.", 1652);
            Record(SummaryField.Damage, "index.html was replaced; no data was read from the database, per its audit log.", 1653);
            Record(SummaryField.Recommendations, "- Patch the CMS upload handler\n- Put the site behind a WAF\n- Monitor file integrity of the web root", 1654);
            Record(SummaryField.LegalImplications, "Keep the evidence for 6 months in case of a police report.", 1655);
        }
        Done("CP-16", 1660, Commander);
        Add(Incident.RequestReport(["zh-CN", "en"], Commander, At(1665)).Events);
    }

    private void Record(SummaryField field, string text, int minute) => Add(Incident.RecordSummary(field, text, Commander, At(minute)));
}
