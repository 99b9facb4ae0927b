using System.IO.Compression;
using ChatOps.Reports.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatOps.Reports.Docx;

/// <summary>
/// The report as a Word document. The SDK builds the package around the body (styles, settings, numbering, footer,
/// relationships, properties); the body, which grows with the timeline, is then streamed by <see cref="DocxDocument"/>
/// straight into its compressed zip entry. The SDK's own packages keep every part uncompressed in memory until saved, and
/// cannot be written write-only.
/// </summary>
internal static class DocxRenderer
{
    public static byte[] Render(ReportDocument document)
    {
        var (skeleton, bodyEntry, footerId) = Skeleton(document);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(skeleton), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                if (entry.FullName == bodyEntry)
                {
                    DocxDocument.Write(to, document, footerId);
                    continue;
                }
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }

    /// <summary>The package with every part but the body, whose entry name and footer relationship it returns.</summary>
    private static (byte[] Package, string BodyEntry, string FooterId) Skeleton(ReportDocument document)
    {
        var chinese = document.Language.TwoLetterISOLanguageName == "zh";
        using var stream = new MemoryStream();
        string entry, footer;
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            DocxParts.AddProperties(package, document.Cover.Title, document.IncidentId, document.Language.Name, document.CompiledAt);
            var main = package.AddMainDocumentPart();
            main.Document = new Document(new Body());
            DocxStyles.Add(main, chinese);
            DocxParts.AddSettings(main, chinese);
            DocxParts.AddNumbering(main);
            footer = DocxParts.AddFooter(main, document.PageFooter);
            entry = main.Uri.OriginalString.TrimStart('/');
        }
        return (stream.ToArray(), entry, footer);
    }
}
