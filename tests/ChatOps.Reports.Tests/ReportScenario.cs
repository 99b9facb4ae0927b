using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Pages;
using ChatOps.Incidents.Reports;
using ChatOps.Incidents.Sla;
using ChatOps.Incidents.Timeline;
using static ChatOps.Reports.Tests.ReportFixture;

namespace ChatOps.Reports.Tests;

/// <summary>
/// A defaced homepage handled through all six phases by the domain's own methods: pages, approvals (one revised, one
/// rejected and overridden by break glass, one expired, one ad hoc), evidence with custody, notes, an SLA breach, the summary.
/// </summary>
internal sealed partial class ReportScenario
{
    public const string Id = "INC-2026-0042";
    public const string MemorySha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public const string LogsSha = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    public Incident Incident { get; private set; } = null!;
    public List<TimelineEvent> Events { get; } = [];
    /// <summary>The containment approval's hash after its revision: the one the client approved.</summary>
    public string IsolationHash { get; private set; } = "";

    /// <param name="title">The incident's title (a hostile one for the escaping tests).</param>
    /// <param name="summary">Whether the Summary phase's fields are filled in (cause, damage…); loss estimate and follow-ups never are.</param>
    public static ReportScenario Run(string title = "Homepage defaced", bool summary = true, string? note = null)
    {
        var (incident, declared) = Incident.Declare(Id, "contoso", Playbook, Playbook.FindType("web-defacement")!, Playbook.FindSeverity("P1")!,
            title, "The public homepage of www.contoso.com shows a ransom note.\nCustomers reported it on the hotline.", Commander, Responder, Start, Standard);
        var s = new ReportScenario { Incident = incident };
        s.Events.AddRange(declared);
        s.Opening();
        s.Preparation(note);
        s.Detection();
        s.Containment();
        s.Eradication();
        s.Recovery();
        s.Summary(summary);
        return s;
    }

    public ReportInputs Inputs() => ReportFixture.Inputs(Incident, Events, At(1666));

    /// <summary>R1 is sent back, R2 is confirmed: the incident closes (for the report.* and incident.closed lines).</summary>
    public ReportScenario Close()
    {
        ReportFile[] files = [new("r.docx", "en", "docx", ReportCompiler.DocxType, 1, MemorySha)];
        Add(Incident.RecordReportDelivered(1, files, Incident.TimelineHead, Incident.Version, Person.Bot, At(1670)));
        Add(Incident.RecordReportRefusal(1, Rules.NotAnApprover, Tenant, Responder, At(1690)));
        Add(Incident.ReviewReport(1, ReportReviewKind.RequestChanges, "Please add the firewall change number", Contoso, Tenant, Megan, At(1700)));
        Add(Incident.RequestReport(["en"], Commander, At(1710)).Events);
        Add(Incident.RecordReportDelivered(2, files, Incident.TimelineHead, Incident.Version, Person.Bot, At(1720)));
        Add(Incident.ReviewReport(2, ReportReviewKind.Confirm, null, Contoso, Tenant, Adele, At(1730)));
        return this;
    }

    private static DateTimeOffset At(int minutes) => Start.AddMinutes(minutes);

    private void Add(IReadOnlyList<TimelineEvent> events) => Events.AddRange(events);

    private void Done(string point, int minute, Person? by = null) =>
        Add(Incident.SetPointStatus(Playbook, point, PointStatus.Done, null, by ?? Responder, At(minute)));

    private ApprovalRequest Request(string? point, string action, int minute)
    {
        var (request, events) = Incident.RequestApproval(Playbook, point, Proposal(action), Contoso.Approval, Responder, At(minute));
        Add(events);
        return request;
    }

    private void Decide(ApprovalRequest request, DecisionKind kind, string? comment, Person by, int minute) =>
        Add(Incident.Decide(request.Id, request.ProposalHash, kind, comment, Contoso, Tenant, by, At(minute)));

    private void Note(string point, string text, Person by, int minute) => Add(Incident.AddNote(text, by, At(minute), Playbook, point));

    private void Opening()
    {
        Add(Incident.RecordChannel(new IncidentChannel("https://smba.example/", "team-id", "19:incident", "19:incident;messageid=1", "act-1"), Person.Bot, At(1)));
        var (page, paged) = Incident.SendPage(PageReason.Declared, "P1 declared: Homepage defaced", "contoso-oncall", 2, [Responder], Person.Bot, At(1));
        Add(paged);
        Add(Incident.RecordMessage("posted", "m-1", "<p>The homepage shows a <b>ransom note</b></p>", Responder, At(2)));
        Add(Incident.EscalatePage(page.Id, 2, [Commander], Person.Bot, At(6)));
        Add(Incident.AckPage(page.Id, Commander, At(7)));
    }

    private void Preparation(string? note)
    {
        Add(Incident.Assign(Playbook, "CP-01", Responder, Commander, At(8)));
        Done("CP-01", 9);
        Decide(Request("CP-02", "Sign the emergency response authorisation letter", 10), DecisionKind.Approve, null, Megan, 15);
        Done("CP-02", 16);
        Done("CP-03", 17);
        Add(Incident.SetPointStatus(Playbook, "CP-04", PointStatus.NotApplicable, "Toolkit already on site", Responder, At(18)));
        if (note is not null)
            Note("CP-03", note, Responder, 19);
        Add(Incident.RecordSlaThreshold("respond", 50, BusinessCalendar.AlwaysOpen, Person.Bot, At(30)));
        Add(Incident.RecordSlaThreshold("respond", 100, BusinessCalendar.AlwaysOpen, Person.Bot, At(60)));
        Add(Incident.AdvancePhase(Playbook, Commander, At(65)));
    }
}
