using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Help;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace ChatOps.Cards.Tests.Help;

/// <summary>The exact JSON Teams receives, reviewed as a diff in __snapshots__ whenever a card changes.</summary>
public sealed class HelpCardSnapshotTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_help_card_is_the_json_in_its_snapshot(string language) =>
        Snapshot.Match(Wire(HelpCard.Build(CultureInfo.GetCultureInfo(language), ["help"])), SnapshotNameExtension.Create(language));

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_welcome_card_is_the_json_in_its_snapshot(string language) =>
        Snapshot.Match(Wire(WelcomeCard.Build(CultureInfo.GetCultureInfo(language))), SnapshotNameExtension.Create(language));

    // Snapshooter writes with Newtonsoft.Json: hand it the serialised card, not the records.
    private static JToken Wire(AdaptiveCard card) => JToken.Parse(CardJson.ToJson(card));
}
