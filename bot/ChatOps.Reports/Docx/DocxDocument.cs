using ChatOps.Reports.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatOps.Reports.Docx;

/// <summary>
/// word/document.xml, streamed with <see cref="OpenXmlWriter"/>: the cover, a TOC field Word fills on opening, then each
/// section's Heading1/Heading2 and blocks, one paragraph or table row at a time.
/// </summary>
internal static class DocxDocument
{
    private static readonly KeyValuePair<string, string>[] Namespaces =
    [
        new("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    ];

    public static void Write(Stream stream, ReportDocument document, string footerId)
    {
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Document(), [], Namespaces);
        writer.WriteStartElement(new Body());
        var body = new DocxBody(writer, document.LabelSeparator);
        body.Paragraph("Title", document.Cover.Title);
        body.Paragraph("Subtitle", document.Cover.Subtitle);
        body.Write(new FactsBlock(document.Cover.Facts));
        writer.WriteElement(PageBreak());
        writer.WriteElement(Contents(document));
        writer.WriteElement(PageBreak());
        foreach (var section in document.Sections)
        {
            body.Paragraph($"Heading{section.Level}", section.Heading);
            foreach (var block in section.Blocks)
                body.Write(block);
        }
        writer.WriteElement(DocxParts.Section(footerId));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    /// <summary>
    /// The TOC field in a table-of-contents content control. Until Word updates it (settings ask it to on opening) it shows
    /// the hint and the headings, without page numbers.
    /// </summary>
    private static SdtBlock Contents(ReportDocument document)
    {
        var field = DocxText.Field("TOC \\o \"1-3\" \\h \\z \\u", document.ContentsHint).ToList();
        ((FieldChar)field[0].FirstChild!).Dirty = true;
        var entries = new List<OpenXmlElement>
        {
            DocxText.Paragraph("TOCHeading", DocxText.Run(document.ContentsHeading)),
            // Begin, instruction, separate and the hint in the first paragraph; the end after the last entry.
            DocxText.Paragraph("TOC1", [.. field.Take(4)]),
        };
        entries.AddRange(document.Sections.Select(s => DocxText.Paragraph($"TOC{s.Level}", DocxText.Run(s.Heading))));
        entries.Add(DocxText.Paragraph("TOC1", field[4]));
        return new SdtBlock(
            new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())),
            new SdtContentBlock(entries));
    }

    private static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));
}
