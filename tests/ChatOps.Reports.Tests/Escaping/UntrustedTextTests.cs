using ChatOps.Reports.Escaping;
using ChatOps.Reports.Tests.Docx;
using DocumentFormat.OpenXml.Validation;

namespace ChatOps.Reports.Tests.Escaping;

/// <summary>People's text (titles, notes, proposals, evidence names) comes out literally, in valid files, whatever it holds.</summary>
public sealed class UntrustedTextTests
{
    private const string Title = "**bold** <script>alert(1)</script> | # x";
    private const string Note = "first\u0001line and\u000Bvertical tab\nsecond line";

    private static readonly Lazy<CompiledReport> Hostile = new(() => CompiledReport.Of(ReportScenario.Run(Title, note: Note)));

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void Markup_in_a_title_shows_literally_in_Markdown_and_never_becomes_HTML(string language)
    {
        var markdown = Hostile.Value.Markdown(language);

        Assert.Contains(@"**\*\*bold\*\* \<script\>alert\(1\)\</script\> \| \# x**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(markdown.Split('\n'), l => l.StartsWith("# x", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void Control_characters_become_a_visible_replacement_in_Markdown(string language)
    {
        var markdown = Hostile.Value.Markdown(language);

        Assert.Contains("first\uFFFDline and\uFFFDvertical tab\\\n  second line", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(markdown, c => c < ' ' && c != '\n');
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_Word_report_with_hostile_text_validates_and_holds_the_literal_text(string language)
    {
        using var docx = Hostile.Value.Docx(language);
        var text = DocxReader.Text(docx);

        Assert.Empty(new OpenXmlValidator().Validate(docx));
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.Contains("first\uFFFDline and\uFFFDvertical tab\nsecond line", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\u0000b\u001Fc", "a\uFFFDb\uFFFDc")]
    [InlineData("tab\tand\r\nCRLF\rCR", "tab\tand\nCRLF\nCR")]
    [InlineData("not a character \uFFFE\uFFFF", "not a character \uFFFD\uFFFD")]
    [InlineData("del\u007F c1\u0085\u009B[2J", "del\uFFFD c1\uFFFD\uFFFD[2J")]
    [InlineData("中文 text stays", "中文 text stays")]
    public void What_XML_cannot_hold_is_replaced_and_line_ends_are_unified(string input, string expected) =>
        Assert.Equal(expected, SafeText.Clean(input));

    // Not a theory: test data with a lone surrogate does not survive xunit's serialisation of its cases.
    [Fact]
    public void A_lone_surrogate_is_replaced_and_a_pair_is_kept() =>
        Assert.Equal("lone \uFFFD, \uFFFD, pair \uD83D\uDE00", SafeText.Clean("lone \uD800, \uDC00, pair \uD83D\uDE00"));
}
