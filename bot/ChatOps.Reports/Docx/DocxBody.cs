using System.Globalization;
using ChatOps.Reports.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatOps.Reports.Docx;

/// <summary>Writes the blocks of the body: paragraphs, bulleted lists, label/value tables and tables with a repeated header row.</summary>
internal sealed class DocxBody(OpenXmlWriter writer, string separator)
{
    public void Write(ReportBlock block)
    {
        switch (block)
        {
            case TextBlock text when text.Lead is not null:
                writer.WriteElement(DocxText.Paragraph(null, DocxText.Run(text.Lead, bold: true), DocxText.Run(separator), DocxText.Run(text.Text, muted: text.Muted)));
                break;
            case TextBlock text:
                writer.WriteElement(DocxText.Paragraph(null, DocxText.Run(text.Text, muted: text.Muted)));
                break;
            case ListBlock list:
                foreach (var item in list.Items)
                {
                    writer.WriteElement(item.Lead is null
                        ? DocxText.Paragraph("ListBullet", DocxText.Run(item.Text))
                        : DocxText.Paragraph("ListBullet", DocxText.Run(item.Lead, bold: true), DocxText.Run(" "), DocxText.Run(item.Text)));
                }
                break;
            case FactsBlock facts:
                Table(null, [2, 5], facts.Facts.Select(f => (IReadOnlyList<string>)[f.Label, f.Value]), boldFirstColumn: true);
                break;
            case TableBlock table:
                Table(table.Header, table.Widths, table.Rows, boldFirstColumn: false);
                break;
        }
    }

    private void Table(IReadOnlyList<string>? header, IReadOnlyList<int> weights, IEnumerable<IReadOnlyList<string>> rows, bool boldFirstColumn)
    {
        var total = weights.Sum();
        var widths = weights.Select(w => DocxParts.TextWidth * w / total).ToArray();
        writer.WriteStartElement(new Table());
        writer.WriteElement(new TableProperties(
            new TableStyle { Val = "ReportTable" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLayout { Type = TableLayoutValues.Fixed }));
        writer.WriteElement(new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));
        if (header is not null)
            writer.WriteElement(Row(header, widths, isHeader: true, boldFirstColumn));
        foreach (var row in rows)
            writer.WriteElement(Row(row, widths, isHeader: false, boldFirstColumn));
        writer.WriteEndElement();
        // Two tables in a row would merge into one, and Word wants a paragraph after a table anyway.
        writer.WriteElement(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool isHeader, bool boldFirstColumn)
    {
        var row = new TableRow();
        if (isHeader)
            row.AppendChild(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < widths.Length; i++)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = Twips(widths[i]), Type = TableWidthUnitValues.Dxa });
            if (isHeader || (boldFirstColumn && i == 0))
                properties.AppendChild(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = isHeader ? "D9E2F3" : "F2F2F2" });
            var text = i < cells.Count ? cells[i] : "";
            row.AppendChild(new TableCell(properties, new Paragraph(DocxText.Run(text, bold: isHeader || (boldFirstColumn && i == 0)))));
        }
        return row;
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
