using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Evidence;

internal static class EvidenceFixture
{
    public const string Sha = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
    public static readonly Person Analyst = new("aad-analyst", "Alex Analyst");

    public static EvidenceDraft Draft(string item = "Memory dump of WEB-01", string sha256 = Sha, DateTimeOffset? collectedAt = null) =>
        new(EvidenceKind.VolatileData, item, "WEB-01 (10.0.4.21)", Responder, collectedAt ?? Now.AddHours(-2), sha256, "Evidence locker B, drive 3");

    /// <summary>The incident as the store would load it after someone closed it (no close method exists yet).</summary>
    public static Incident Closed(Incident incident)
    {
        var json = JsonSerializer.SerializeToNode(incident)!.AsObject();
        json["IsClosed"] = true;
        return json.Deserialize<Incident>()!;
    }
}
