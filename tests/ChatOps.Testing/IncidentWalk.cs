using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Testing;

/// <summary>Walks an incident through the phases before Summary as its commander: gated points by break glass, every point done.</summary>
public static class IncidentWalk
{
    /// <param name="intoSummary">False stops with the last phase before Summary done but not closed.</param>
    public static IReadOnlyList<TimelineEvent> ToSummary(Incident incident, Playbook playbook, DateTimeOffset now, bool intoSummary = true)
    {
        var events = new List<TimelineEvent>();
        var before = playbook.Phases.Take(playbook.Phases.Count - 1).ToList();
        foreach (var phase in before)
        {
            foreach (var point in phase.ControlPoints)
            {
                if (point.IsGated)
                    events.AddRange(incident.BreakGlass(playbook, point.Id, "Drill: the client authorised this by phone.", incident.Commander, now));
                events.AddRange(incident.SetPointStatus(playbook, point.Id, PointStatus.Done, null, incident.Commander, now));
            }
            if (intoSummary || phase != before[^1])
                events.AddRange(incident.AdvancePhase(playbook, incident.Commander, now));
        }
        return events;
    }
}
