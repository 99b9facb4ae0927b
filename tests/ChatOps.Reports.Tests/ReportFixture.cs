using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Sla;

namespace ChatOps.Reports.Tests;

/// <summary>The people, client, playbook and SLA of the report tests (the shipped files, as in the other test projects).</summary>
internal static class ReportFixture
{
    public const string Tenant = "tenant-contoso";
    public static readonly Playbook Playbook = PlaybookLoader.Load(Path.Combine(AppContext.BaseDirectory, "playbooks", "emergency-response.yaml"));
    public static readonly SlaCatalogData Sla = SlaFileLoader.Load(Path.Combine(AppContext.BaseDirectory, "sla", "sla-policies.yaml"));
    public static readonly Person Commander = new("aad-commander", "Casey Commander");
    public static readonly Person Responder = new("aad-responder", "Riley Responder");
    public static readonly Person Analyst = new("aad-analyst", "Alex Analyst");
    public static readonly Person Megan = new("aad-megan", "Megan Bowen");
    public static readonly Person Adele = new("aad-adele", "Adele Vance");
    /// <summary>10:00 in Shanghai, a Monday.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public static Client Contoso { get; } = new(
        "contoso", "Contoso Ltd.", Tenant, "team-id", "zh-CN", "Asia/Shanghai", "emergency-response", "standard", [Megan, Adele], [Responder, Analyst]);

    public static SlaPolicy Standard => Sla.Policy("standard")!;

    public static Proposal Proposal(string action) => new(
        action, "web-01 (10.0.4.21)", "The homepage is offline while it is done", "Re-enable the switch port; restore the 02:00 snapshot",
        "Homepage unavailable for about 30 minutes", "Tonight 22:00–23:00 CST");

    public static EvidenceDraft Evidence(string item, string sha256, DateTimeOffset collectedAt, EvidenceKind kind = EvidenceKind.VolatileData) =>
        new(kind, item, "web-01 (10.0.4.21)", Responder, collectedAt, sha256, "Evidence locker B, drive 3");

    public static ReportInputs Inputs(Incident incident, IReadOnlyList<ChatOps.Incidents.Timeline.TimelineEvent> events, DateTimeOffset compiledAt) =>
        new(incident, events, Playbook, Contoso, Standard, Sla.Calendar, incident.LatestReport!, compiledAt);
}
