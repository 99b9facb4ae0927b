using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatOps.Reports.Tests.Docx;

/// <summary>Reads a compiled Word document back the way a reader sees it: paragraphs' text, headings by style.</summary>
internal static class DocxReader
{
    public static Body Body(WordprocessingDocument docx) => docx.MainDocumentPart!.Document.Body!;

    /// <summary>Each paragraph's text (line breaks as \n), one a line.</summary>
    public static string Text(WordprocessingDocument docx) =>
        string.Join("\n", Body(docx).Descendants<Paragraph>().Select(Text));

    public static string Text(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", TabChar => "\t", _ => "" }));

    public static List<string> Headings(WordprocessingDocument docx, int level) =>
    [
        .. Body(docx).Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == $"Heading{level}")
            .Select(Text),
    ];

    public static Style Style(WordprocessingDocument docx, string id) =>
        docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId?.Value == id);
}
