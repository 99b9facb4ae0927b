using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatOps.Reports.Docx;

/// <summary>The parts around the body: settings (fields update on open), the bullet list, the footer with page numbers, the page.</summary>
internal static partial class DocxParts
{
    public const int BulletList = 1;
    /// <summary>A4 with 2 cm side margins: the width tables share, in twentieths of a point.</summary>
    public const int TextWidth = 11906 - (2 * 1134);

    public static void AddSettings(MainDocumentPart main, bool chinese)
    {
        var part = main.AddNewPart<DocumentSettingsPart>();
        // The order is the schema's: zoom, defaultTabStop, characterSpacingControl, updateFields, compat, themeFontLang.
        part.Settings = new Settings(
            new Zoom { Percent = "100" },
            new DefaultTabStop { Val = 420 },
            new CharacterSpacingControl { Val = chinese ? CharacterSpacingValues.CompressPunctuation : CharacterSpacingValues.DoNotCompress },
            new UpdateFieldsOnOpen { Val = true },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
            }),
            new ThemeFontLanguages { Val = chinese ? "zh-CN" : "en-US", EastAsia = "zh-CN" });
    }

    public static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = BulletList },
            new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });
    }

    /// <summary>The footer's text from the resources, with {0} as the PAGE field and {1} as NUMPAGES; returns the part's id.</summary>
    public static string AddFooter(MainDocumentPart main, string format)
    {
        var part = main.AddNewPart<FooterPart>();
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }));
        foreach (var piece in Placeholder().Split(format))
        {
            if (piece == "{0}")
                paragraph.Append(DocxText.Field("PAGE", "1"));
            else if (piece == "{1}")
                paragraph.Append(DocxText.Field("NUMPAGES", "1"));
            else if (piece.Length > 0)
                paragraph.Append(DocxText.Run(piece));
        }
        part.Footer = new Footer(paragraph);
        return main.GetIdOfPart(part);
    }

    public static SectionProperties Section(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 1440, Right = 1134, Bottom = 1440, Left = 1134, Header = 708, Footer = 708, Gutter = 0 });

    public static void AddProperties(WordprocessingDocument package, string title, string subject, string language, DateTimeOffset compiledAt)
    {
        var properties = package.PackageProperties;
        properties.Title = title;
        properties.Subject = subject;
        properties.Creator = "ChatOps";
        properties.Language = language;
        properties.Created = compiledAt.UtcDateTime;
        properties.Modified = compiledAt.UtcDateTime;
    }

    [GeneratedRegex(@"(\{[01]\})")]
    private static partial Regex Placeholder();
}
