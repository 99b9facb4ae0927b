using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatOps.Reports.Tests.Docx;

public sealed class DocxStructureTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void Sections_are_Word_headings_with_outline_levels_the_contents_field_collects(string language)
    {
        using var docx = CompiledReport.Default.Docx(language);

        Assert.Equal(0, DocxReader.Style(docx, "Heading1").StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(1, DocxReader.Style(docx, "Heading2").StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(13, DocxReader.Headings(docx, 1).Count);
        Assert.Contains(DocxReader.Headings(docx, 2), h => h == (language == "en" ? "Break-glass authorisations" : "紧急授权（破窗）"));
    }

    [Fact]
    public void The_contents_is_a_TOC_field_Word_updates_on_opening_with_a_placeholder_until_then()
    {
        using var docx = CompiledReport.Default.Docx("zh-CN");
        var body = DocxReader.Body(docx);

        var toc = Assert.Single(body.Elements<SdtBlock>());
        Assert.Equal("Table of Contents", toc.Descendants<DocPartGallery>().Single().Val!.Value);
        Assert.Contains(toc.Descendants<FieldCode>(), f => f.Text.Contains("TOC \\o \"1-3\" \\h", StringComparison.Ordinal));
        Assert.Contains("Word 打开文档时会生成带页码的目录", DocxReader.Text(docx), StringComparison.Ordinal);
        Assert.True(docx.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>()!.Val!.Value);
    }

    [Theory]
    [InlineData("en", "Page ", " of ")]
    [InlineData("zh-CN", "第 ", " 页，共 ")]
    public void The_footer_numbers_the_pages_with_the_PAGE_field(string language, string before, string between)
    {
        using var docx = CompiledReport.Default.Docx(language);
        var footer = Assert.Single(docx.MainDocumentPart!.FooterParts).Footer!;

        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<FieldCode>().Select(f => f.Text));
        Assert.StartsWith(before + "1" + between + "1", string.Concat(footer.Descendants<Text>().Select(t => t.Text)), StringComparison.Ordinal);
        Assert.NotNull(DocxReader.Body(docx).GetFirstChild<SectionProperties>()!.GetFirstChild<FooterReference>());
    }

    [Fact]
    public void Tables_are_real_tables_whose_header_row_repeats_on_every_page()
    {
        using var docx = CompiledReport.Default.Docx("en");

        var approvals = DocxReader.Body(docx).Elements<Table>().Single(t => DocxReader.Text(t.Descendants<Paragraph>().First()) == "Request");
        var header = approvals.Elements<TableRow>().First();
        Assert.NotNull(header.TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(8, header.Elements<TableCell>().Count());
        Assert.Equal(8, approvals.Elements<TableRow>().Count());
        Assert.All(approvals.Elements<TableRow>().Skip(1), r => Assert.Null(r.TableRowProperties));
    }

    [Fact]
    public void Chinese_text_is_set_in_East_Asian_fonts_and_marked_zh_CN()
    {
        using var docx = CompiledReport.Default.Docx("zh-CN");
        var defaults = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;

        Assert.Equal("SimSun", defaults.RunFonts!.EastAsia!.Value);
        Assert.Equal("zh-CN", defaults.Languages!.EastAsia!.Value);
        Assert.Equal("zh-CN", defaults.Languages.Val!.Value);
        Assert.Equal("Microsoft YaHei", DocxReader.Style(docx, "Heading1").StyleRunProperties!.RunFonts!.EastAsia!.Value);
    }
}
