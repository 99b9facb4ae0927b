using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;

namespace ChatOps.Cards.Tests.Incidents;

internal static class CardFixture
{
    public static readonly Playbook Playbook = PlaybookLoader.Load(Path.Combine(AppContext.BaseDirectory, "playbooks", "emergency-response.yaml"));
    public static readonly Person Commander = new("aad-c", "Casey Commander");
    public static readonly Person Responder = new("aad-r", "Riley Responder");
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 30, 0, TimeSpan.Zero);
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static readonly Client Contoso = new("contoso", "Contoso Ltd.", "tenant", "team-id", "zh-CN", "Asia/Shanghai", "emergency-response", null,
        [new Person("aad-a1", "Megan Bowen"), new Person("aad-a2", "Adele Vance")], [Responder]);

    public static Incident Incident(string title = "Homepage defaced", string description = "The homepage shows a ransom note.") =>
        ChatOps.Incidents.Incidents.Incident.Declare("INC-2026-0042", "contoso", Playbook, Playbook.FindType("web-defacement")!, Playbook.FindSeverity("P1")!,
            title, description, Commander, Responder, Now).Incident;
}
