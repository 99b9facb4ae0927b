using System.Globalization;
using ChatOps.Reports.Documents;
using ChatOps.Reports.Escaping;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatOps.Reports.Docx;

/// <summary>
/// Writes the body's blocks straight to the part: paragraphs, bulleted lists, label/value tables and tables with a repeated
/// header row. Start tags come from element prototypes and properties are written from prebuilt elements, so a line of the
/// timeline costs a few writer calls and no document tree.
/// </summary>
internal sealed class DocxBody(OpenXmlWriter writer, string separator)
{
    private static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
    private readonly Paragraph _paragraph = new();
    private readonly Run _run = new();
    private readonly Text _text = new();
    private readonly Table _table = new();
    private readonly TableRow _row = new();
    private readonly TableCell _cell = new();
    private readonly Break _break = new();
    private readonly TabChar _tab = new();
    private readonly RunProperties _bold = new(new Bold());
    private readonly RunProperties _muted = new(new Italic(), new Color { Val = "595959" });
    private readonly TableRowProperties _header = new(new TableHeader());
    private readonly Dictionary<string, ParagraphProperties> _styles = new(StringComparer.Ordinal);

    public void Write(ReportBlock block)
    {
        switch (block)
        {
            case TextBlock text:
                writer.WriteStartElement(_paragraph);
                if (text.Lead is not null)
                {
                    Run(text.Lead, _bold);
                    Run(separator, null);
                }
                Run(text.Text, text.Muted ? _muted : null);
                writer.WriteEndElement();
                break;
            case ListBlock list:
                foreach (var item in list.Items)
                {
                    writer.WriteStartElement(_paragraph);
                    writer.WriteElement(Style("ListBullet"));
                    if (item.Lead is not null)
                    {
                        Run(item.Lead, _bold);
                        Run(" ", null);
                    }
                    Run(item.Text, null);
                    writer.WriteEndElement();
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

    /// <summary>A paragraph of one run in a paragraph style (Title, Subtitle, Heading1…).</summary>
    public void Paragraph(string style, string text)
    {
        writer.WriteStartElement(_paragraph);
        writer.WriteElement(Style(style));
        Run(text, null);
        writer.WriteEndElement();
    }

    private void Run(string? text, RunProperties? properties)
    {
        writer.WriteStartElement(_run);
        if (properties is not null)
            writer.WriteElement(properties);
        var clean = SafeText.Clean(text);
        var start = 0;
        for (var i = 0; i <= clean.Length; i++)
        {
            if (i < clean.Length && clean[i] is not ('\n' or '\t'))
                continue;
            if (i > start)
            {
                // Word drops leading and trailing blanks of a w:t unless told to keep them.
                writer.WriteStartElement(_text, char.IsWhiteSpace(clean[start]) || char.IsWhiteSpace(clean[i - 1]) ? Preserve : []);
                writer.WriteString(clean[start..i]);
                writer.WriteEndElement();
            }
            if (i < clean.Length)
                writer.WriteElement(clean[i] == '\n' ? _break : _tab);
            start = i + 1;
        }
        writer.WriteEndElement();
    }

    private void Table(IReadOnlyList<string>? header, IReadOnlyList<int> weights, IEnumerable<IReadOnlyList<string>> rows, bool boldFirstColumn)
    {
        var total = weights.Sum();
        var widths = weights.Select(w => (DocxParts.TextWidth * w / total).ToString(CultureInfo.InvariantCulture)).ToArray();
        writer.WriteStartElement(_table);
        writer.WriteElement(new TableProperties(
            new TableStyle { Val = "ReportTable" }, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, new TableLayout { Type = TableLayoutValues.Fixed }));
        writer.WriteElement(new TableGrid(widths.Select(w => new GridColumn { Width = w })));
        if (header is not null)
            Row(header, Cells(widths, "D9E2F3", shadeFirst: true, shadeRest: true), _header, bold: true, boldFirst: true);
        var cells = Cells(widths, "F2F2F2", shadeFirst: boldFirstColumn, shadeRest: false);
        foreach (var row in rows)
            Row(row, cells, null, bold: false, boldFirst: boldFirstColumn);
        writer.WriteEndElement();
        // Two tables in a row would merge into one, and Word wants a paragraph after a table anyway.
        writer.WriteElement(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
    }

    private void Row(IReadOnlyList<string> values, TableCellProperties[] cells, TableRowProperties? properties, bool bold, bool boldFirst)
    {
        writer.WriteStartElement(_row);
        if (properties is not null)
            writer.WriteElement(properties);
        for (var i = 0; i < cells.Length; i++)
        {
            writer.WriteStartElement(_cell);
            writer.WriteElement(cells[i]);
            writer.WriteStartElement(_paragraph);
            Run(i < values.Count ? values[i] : "", bold || (boldFirst && i == 0) ? _bold : null);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static TableCellProperties[] Cells(string[] widths, string fill, bool shadeFirst, bool shadeRest) =>
    [
        .. widths.Select((w, i) =>
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = w, Type = TableWidthUnitValues.Dxa });
            if (i == 0 ? shadeFirst : shadeRest)
                properties.AppendChild(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
            return properties;
        }),
    ];

    private ParagraphProperties Style(string id)
    {
        if (!_styles.TryGetValue(id, out var properties))
            _styles[id] = properties = new ParagraphProperties(new ParagraphStyleId { Val = id });
        return properties;
    }
}
