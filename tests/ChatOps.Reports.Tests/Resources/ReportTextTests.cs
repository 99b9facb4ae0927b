using System.Collections;
using System.Globalization;
using System.Resources;
using ChatOps.Reports.Resources;

namespace ChatOps.Reports.Tests.Resources;

public sealed class ReportTextTests
{
    private static readonly ResourceManager Manager = new("ChatOps.Reports.Resources.ReportStrings", typeof(ReportText).Assembly);

    [Fact]
    public void Every_text_exists_in_English_and_Chinese()
    {
        var english = Keys(CultureInfo.InvariantCulture);
        var chinese = Keys(CultureInfo.GetCultureInfo("zh-CN"));

        Assert.NotEmpty(english);
        Assert.Equal(english.Order(), chinese.Order());
    }

    [Fact]
    public void The_Chinese_labels_are_written_in_Chinese()
    {
        var chinese = CultureInfo.GetCultureInfo("zh-CN");
        var labels = Keys(chinese).Where(k => k.StartsWith("Section.", StringComparison.Ordinal) || k.StartsWith("Field.", StringComparison.Ordinal) || k.Contains(".Column.", StringComparison.Ordinal));

        Assert.All(labels, key =>
        {
            var text = Manager.GetString(key, chinese)!;
            Assert.Contains(text, c => c is >= '\u4E00' and <= '\u9FFF');
            Assert.NotEqual(Manager.GetString(key, CultureInfo.InvariantCulture), text);
        });
    }

    [Theory]
    [InlineData("en", 1, "1 min")]
    [InlineData("en", 3 * 60 + 5, "3 h 5 min")]
    [InlineData("en", 26 * 60, "1 d 2 h 0 min")]
    [InlineData("zh-CN", 26 * 60, "1 天 2 小时 0 分钟")]
    public void Durations_are_written_in_the_language(string language, int minutes, string expected)
    {
        var text = new ReportText(CultureInfo.GetCultureInfo(language));

        Assert.Equal(expected, text.Duration(TimeSpan.FromMinutes(minutes)));
    }

    private static List<string> Keys(CultureInfo culture) =>
        [.. Manager.GetResourceSet(culture, true, false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key)];
}
