using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Evidence;
using ChatOps.Cards.Resources;
using ChatOps.Cards.Tests.Checking;
using ChatOps.Incidents.Incidents;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;
using static ChatOps.Cards.Tests.Evidence.EvidenceCardFixture;
using static ChatOps.Cards.Tests.Incidents.CardFixture;

namespace ChatOps.Cards.Tests.Evidence;

/// <summary>The exact JSON of the evidence cards, reviewed as a diff in __snapshots__, and each passing the card check.</summary>
public sealed class EvidenceCardSnapshotTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_evidence_form_is_the_json_in_its_snapshot(string language) =>
        Matches(EvidenceFormCard.Build(Incident(), [Commander, Responder], CultureInfo.GetCultureInfo(language), Shanghai, Now, "form-1"), language);

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void A_refused_evidence_form_is_the_json_in_its_snapshot(string language)
    {
        var values = new AddEvidence("INC-2026-0042", "form-1")
        {
            Kind = "log", Item = "Firewall logs", Source = "FW-01", CollectedDate = "2026-11-23", CollectedTime = "09:15", Sha256 = "abc123", Location = "",
        };
        var culture = CultureInfo.GetCultureInfo(language);
        var errors = new Dictionary<string, string>
        {
            ["sha256"] = CardText.Rule(new IncidentRuleException(Rules.EvidenceSha256Invalid), culture),
            ["collectedAt"] = CardText.Rule(new IncidentRuleException(Rules.EvidenceCollectedInFuture), culture),
            ["location"] = CardText.Rule(new IncidentRuleException(Rules.EvidenceFieldRequired, "location"), culture),
        };

        Matches(EvidenceFormCard.Build(Incident(), [Commander, Responder], culture, Shanghai, Now, "form-1", values, errors), language);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_evidence_register_is_the_json_in_its_snapshot(string language) =>
        Matches(Assert.Single(EvidenceListCard.Build(WithRegister(), CultureInfo.GetCultureInfo(language), Shanghai)), language);

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_registration_receipt_is_the_json_in_its_snapshot(string language)
    {
        var incident = WithRegister();

        Matches(EvidenceListCard.Receipt(incident, incident.Evidence[1], CultureInfo.GetCultureInfo(language), Shanghai), language);
    }

    private static void Matches(AdaptiveCard card, string language)
    {
        CardAssert.Valid(card);
        // Snapshooter writes with Newtonsoft.Json: hand it the serialised card, not the records.
        Snapshot.Match(JToken.Parse(CardJson.ToJson(card)), SnapshotNameExtension.Create(language));
    }
}
