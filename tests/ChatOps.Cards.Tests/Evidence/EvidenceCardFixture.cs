using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;
using static ChatOps.Cards.Tests.Incidents.CardFixture;

namespace ChatOps.Cards.Tests.Evidence;

internal static class EvidenceCardFixture
{
    public const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static readonly Person Analyst = new("aad-x", "Alex Analyst");

    public static EvidenceDraft Draft(string item, EvidenceKind kind = EvidenceKind.VolatileData) =>
        new(kind, item, "WEB-01 (10.0.4.21)", Responder, Now.AddHours(-3), Sha, "Evidence locker B, drive 3");

    /// <summary>Two items: a memory dump handed over twice (once with a note), and a log export still with its collector.</summary>
    public static Incident WithRegister()
    {
        var incident = Incident();
        incident.AddEvidence(Draft("Memory dump of WEB-01 **not bold**"), Responder, Now);
        incident.TransferCustody("EV-001", Analyst, "Sealed bag 7, for imaging", Responder, Now.AddMinutes(30));
        incident.TransferCustody("EV-001", Commander, null, Analyst, Now.AddHours(1));
        incident.AddEvidence(Draft("IIS access logs, 1–22 Nov", EvidenceKind.Log) with { CollectedBy = Commander }, Commander, Now);
        return incident;
    }
}
