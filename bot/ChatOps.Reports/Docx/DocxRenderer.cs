using ChatOps.Reports.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatOps.Reports.Docx;

/// <summary>
/// The report as a Word document: cover, a TOC field Word fills on opening, Heading1/Heading2 sections, real tables with
/// repeated header rows, page numbers in the footer. The body is streamed with <see cref="OpenXmlWriter"/>, one paragraph or
/// table row at a time, so a 100,000-event timeline never becomes one big DOM.
/// </summary>
internal static class DocxRenderer
{
    private static readonly KeyValuePair<string, string>[] Namespaces =
    [
        new("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    ];

    public static byte[] Render(ReportDocument document)
    {
        var chinese = document.Language.TwoLetterISOLanguageName == "zh";
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            DocxParts.AddProperties(package, document.Cover.Title, document.IncidentId, document.Language.Name, document.CompiledAt);
            var main = package.AddMainDocumentPart();
            DocxStyles.Add(main, chinese);
            DocxParts.AddSettings(main, chinese);
            DocxParts.AddNumbering(main);
            var footer = DocxParts.AddFooter(main, document.PageFooter);
            using var writer = OpenXmlWriter.Create(main);
            writer.WriteStartDocument();
            writer.WriteStartElement(new Document(), [], Namespaces);
            writer.WriteStartElement(new Body());
            var body = new DocxBody(writer, document.LabelSeparator);
            Cover(writer, body, document.Cover);
            Contents(writer, document);
            foreach (var section in document.Sections)
            {
                writer.WriteElement(DocxText.Paragraph($"Heading{section.Level}", DocxText.Run(section.Heading)));
                foreach (var block in section.Blocks)
                    body.Write(block);
            }
            writer.WriteElement(DocxParts.Section(footer));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.Close();
        }
        return stream.ToArray();
    }

    private static void Cover(OpenXmlWriter writer, DocxBody body, ReportCover cover)
    {
        writer.WriteElement(DocxText.Paragraph("Title", DocxText.Run(cover.Title)));
        writer.WriteElement(DocxText.Paragraph("Subtitle", DocxText.Run(cover.Subtitle)));
        body.Write(new FactsBlock(cover.Facts));
        writer.WriteElement(PageBreak());
    }

    /// <summary>
    /// The TOC field in a table-of-contents content control. Until Word updates it (settings ask it to on opening) it shows
    /// the hint and the headings, without page numbers.
    /// </summary>
    private static void Contents(OpenXmlWriter writer, ReportDocument document)
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
        writer.WriteElement(new SdtBlock(
            new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())),
            new SdtContentBlock(entries)));
        writer.WriteElement(PageBreak());
    }

    private static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));
}
