using ChatOps.Incidents.Incidents;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Reports;

internal static class ReportFixture
{
    /// <summary>An incident walked through the first five phases (gated points by break glass, the rest done), now in Summary.</summary>
    public static Incident InSummary(ChatOps.Incidents.Sla.SlaPolicy? sla = null)
    {
        var incident = Incident.Declare(
            "INC-2026-0001", "contoso", Playbook, Playbook.FindType("web-defacement")!, Playbook.FindSeverity("P1")!,
            "Homepage defaced", "The homepage shows a ransom note.", Commander, Responder, Now, sla).Incident;
        ChatOps.Testing.IncidentWalk.ToSummary(incident, Playbook, Now);
        return incident;
    }
}
