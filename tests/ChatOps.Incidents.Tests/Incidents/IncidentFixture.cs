using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;

namespace ChatOps.Incidents.Tests.Incidents;

internal static class IncidentFixture
{
    public static readonly Playbook Playbook = PlaybookLoader.Load(Path.Combine(AppContext.BaseDirectory, "playbooks", "emergency-response.yaml"));
    public static readonly Person Commander = new("aad-commander", "Casey Commander");
    public static readonly Person Responder = new("aad-responder", "Riley Responder");
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static Incident Declare() => Incident.Declare(
        "INC-2026-0001", "contoso", Playbook, Playbook.FindType("web-defacement")!, Playbook.FindSeverity("P1")!,
        "Homepage defaced", "The homepage shows a ransom note.", Commander, Responder, Now).Incident;
}
