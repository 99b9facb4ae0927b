using ChatOps.Reports.Escaping;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatOps.Reports.Docx;

/// <summary>
/// The small pieces built as elements (footer, contents): runs of literal text cleaned of what XML cannot hold, line breaks as
/// &lt;w:br/&gt;, tabs as &lt;w:tab/&gt;, and complex fields. The body itself is streamed by <see cref="DocxBody"/>.
/// </summary>
internal static class DocxText
{
    public static Run Run(string? text, bool bold = false, bool muted = false)
    {
        var run = new Run();
        if (bold || muted)
            run.AppendChild(Properties(bold, muted));
        var clean = SafeText.Clean(text);
        var start = 0;
        for (var i = 0; i <= clean.Length; i++)
        {
            if (i < clean.Length && clean[i] is not ('\n' or '\t'))
                continue;
            if (i > start)
                run.AppendChild(Literal(clean[start..i]));
            if (i < clean.Length)
                run.AppendChild<OpenXmlElement>(clean[i] == '\n' ? new Break() : new TabChar());
            start = i + 1;
        }
        return run;
    }

    public static Paragraph Paragraph(string? style, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (style is not null)
            paragraph.AppendChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(content);
        return paragraph;
    }

    /// <summary>A complex field (PAGE, NUMPAGES, TOC): Word computes it; the text shown until then is <paramref name="shown"/>.</summary>
    public static IEnumerable<Run> Field(string instruction, string shown) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode($" {instruction} ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(Literal(shown)),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    private static Text Literal(string text)
    {
        var literal = new Text(text);
        // Word drops leading and trailing blanks of a w:t unless told to keep them.
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            literal.Space = SpaceProcessingModeValues.Preserve;
        return literal;
    }

    private static RunProperties Properties(bool bold, bool muted)
    {
        var properties = new RunProperties();
        if (bold)
            properties.Bold = new Bold();
        if (muted)
        {
            properties.Italic = new Italic();
            properties.Color = new Color { Val = "595959" };
        }
        return properties;
    }
}
