using ChatOps.Incidents.Checklists;
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
        foreach (var phase in Playbook.Phases.Take(Playbook.Phases.Count - 1))
        {
            foreach (var point in phase.ControlPoints)
            {
                if (point.IsGated)
                    incident.BreakGlass(Playbook, point.Id, "The client is unreachable; the attacker is active.", Commander, Now);
                incident.SetPointStatus(Playbook, point.Id, PointStatus.Done, null, Responder, Now);
            }
            incident.AdvancePhase(Playbook, Commander, Now);
        }
        return incident;
    }
}
