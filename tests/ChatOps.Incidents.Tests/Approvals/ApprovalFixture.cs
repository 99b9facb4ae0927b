using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Tests.Incidents;

namespace ChatOps.Incidents.Tests.Approvals;

internal static class ApprovalFixture
{
    public const string Tenant = "tenant-contoso";
    public static readonly Person Megan = new("aad-megan", "Megan Bowen");
    public static readonly Person Adele = new("aad-adele", "Adele Vance");

    public static readonly Proposal Isolate = new(
        "Isolate web-01 from the network", "web-01 (10.0.0.5)", "Site offline during isolation",
        "Re-enable the switch port; restore from the 02:00 snapshot", "Homepage unavailable ~30 min", "Tonight 22:00–23:00 CST");

    public static Client Contoso(int quorum = 1) => new(
        "contoso", "Contoso Ltd.", Tenant, "team-id", "zh-CN", "Asia/Shanghai", "emergency-response", null,
        [Megan, Adele], [IncidentFixture.Responder])
    {
        Approval = new ApprovalPolicy(quorum, TimeSpan.FromHours(24)),
    };
}
