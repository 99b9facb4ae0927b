using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatOps.Reports.Docx;

/// <summary>
/// styles.xml: Word's own style ids (Title, Heading1 and Heading2 with outline levels for the TOC field, TOC1/TOC2, List Bullet,
/// Footer) and a bordered table style. Chinese text gets East-Asian fonts (SimSun body, Microsoft YaHei headings) and zh-CN.
/// </summary>
internal static class DocxStyles
{
    private const string Accent = "1F3864";

    public static void Add(MainDocumentPart main, bool chinese)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            Defaults(chinese),
            Paragraph("Normal", "Normal", null, null, isDefault: true),
            Paragraph("Title", "Title", new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { Before = "2400", After = "240" } },
                Heading(48)),
            Paragraph("Subtitle", "Subtitle", new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "480" } }, Heading(32)),
            Paragraph("Heading1", "heading 1", HeadingLayout(0, 360), Heading(32)),
            Paragraph("Heading2", "heading 2", HeadingLayout(1, 240), Heading(26)),
            Paragraph("TOCHeading", "TOC Heading", HeadingLayout(9, 360), Heading(32), basedOn: "Heading1"),
            Paragraph("TOC1", "toc 1", new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "60" } }, null),
            Paragraph("TOC2", "toc 2", new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "60" }, Indentation = new Indentation { Left = "440" } }, null),
            Paragraph("ListBullet", "List Bullet", new ParagraphProperties
            {
                NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = DocxParts.BulletList }),
                SpacingBetweenLines = new SpacingBetweenLines { After = "60" },
            }, null),
            Paragraph("Footer", "footer", null, new StyleRunProperties(new FontSize { Val = "18" })),
            Table());
    }

    private static DocDefaults Defaults(bool chinese) => new(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "SimSun", ComplexScript = "Arial", Hint = chinese ? FontTypeHintValues.EastAsia : null },
            new FontSize { Val = "21" },
            new FontSizeComplexScript { Val = "21" },
            new Languages { Val = chinese ? "zh-CN" : "en-US", EastAsia = "zh-CN" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "300", LineRule = LineSpacingRuleValues.Auto })));

    private static ParagraphProperties HeadingLayout(int outline, int before) => new()
    {
        KeepNext = new KeepNext(),
        KeepLines = new KeepLines(),
        SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = "120" },
        OutlineLevel = new OutlineLevel { Val = outline },
    };

    private static StyleRunProperties Heading(int halfPoints) => new(
        new RunFonts { Ascii = "Calibri Light", HighAnsi = "Calibri Light", EastAsia = "Microsoft YaHei" },
        new Bold(),
        new Color { Val = Accent },
        new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static Style Paragraph(string id, string name, ParagraphProperties? layout, StyleRunProperties? font, bool isDefault = false, string? basedOn = "Normal")
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
            style.Default = OnOffValue.FromBoolean(true);
        else
            style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = "Normal" });
        style.Append(new PrimaryStyle());
        if (layout is not null)
            style.Append(new StyleParagraphProperties(layout.ChildElements.Select(e => e.CloneNode(true))));
        if (font is not null)
            style.Append(font);
        return style;
    }

    private static Style Table()
    {
        static T Line<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" };
        return new Style(
            new StyleName { Val = "Report Table" },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "260", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }),
            new StyleTableProperties(
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "ReportTable" };
    }
}
