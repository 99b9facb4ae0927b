using System.Collections;
using System.Globalization;
using System.Resources;
using ChatOps.Cards.Resources;

namespace ChatOps.Cards.Tests.Resources;

public sealed class CardTextTests
{
    [Fact]
    public void Every_text_exists_in_English_and_Chinese()
    {
        var manager = new ResourceManager("ChatOps.Cards.Resources.Strings", typeof(CardText).Assembly);
        var english = manager.GetResourceSet(CultureInfo.InvariantCulture, true, false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();
        var chinese = manager.GetResourceSet(Languages.Chinese, true, false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();

        Assert.NotEmpty(english);
        Assert.Equal(english.Order(), chinese.Order());
        foreach (var key in english)
            Assert.NotEqual(CardText.Get(key, Languages.English), CardText.Get(key, Languages.Chinese));
    }

    [Fact]
    public void Every_rule_of_the_incident_has_its_explanation_in_both_languages()
    {
        var codes = typeof(ChatOps.Incidents.Incidents.Rules).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(codes);
        foreach (var code in codes)
        {
            Assert.True(CardText.HasOwn($"Rule.{code}", CultureInfo.InvariantCulture), code);
            Assert.True(CardText.HasOwn($"Rule.{code}", Languages.Chinese), code);
        }
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-cn", "zh-CN")]
    [InlineData("zh-Hans", "zh-CN")]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData(null, "en")]
    public void A_locale_picks_one_of_the_two_languages(string? locale, string expected) =>
        Assert.Equal(expected, Languages.FromLocale(locale).Name);
}
