using System.Text;
using ChatOps.Reports.Documents;

namespace ChatOps.Reports.Markdown;

/// <summary>
/// The report as GitHub-flavoured Markdown (UTF-8, no byte order mark, \n line ends): the cover, a linked contents list,
/// ## and ### headings, tables with a header row, lists and hard line breaks. Every text is escaped by <see cref="MarkdownText"/>.
/// </summary>
internal static class MarkdownRenderer
{
    private const string HardBreak = "\\\n";

    public static byte[] Render(ReportDocument document)
    {
        using var buffer = new BlockStream();
        using (var md = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            md.WriteLine($"# {MarkdownText.Inline(document.Cover.Title, " ")}");
            md.WriteLine();
            md.WriteLine($"**{MarkdownText.Inline(document.Cover.Subtitle, " ")}**");
            md.WriteLine();
            Write(md, new FactsBlock(document.Cover.Facts), document.LabelSeparator);
            md.WriteLine($"## {MarkdownText.Inline(document.ContentsHeading, " ")}");
            md.WriteLine();
            Contents(md, document.Sections);
            foreach (var section in document.Sections)
            {
                md.WriteLine($"{new string('#', section.Level + 1)} {MarkdownText.Inline(section.Heading, " ")}");
                md.WriteLine();
                foreach (var block in section.Blocks)
                    Write(md, block, document.LabelSeparator);
            }
        }
        // Every block ends with a blank line; the file ends with one line end.
        return buffer.ToArray(buffer.Length - 1);
    }

    private static void Contents(StreamWriter md, IReadOnlyList<ReportSection> sections)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            // GitHub numbers repeated anchors: the second "Summary" heading is #summary-1.
            var slug = MarkdownText.Slug(section.Heading);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            var anchor = count == 0 ? slug : $"{slug}-{count}";
            md.WriteLine($"{new string(' ', (section.Level - 1) * 2)}- [{MarkdownText.Inline(section.Heading, " ")}](#{anchor})");
        }
        md.WriteLine();
    }

    private static void Write(StreamWriter md, ReportBlock block, string separator)
    {
        switch (block)
        {
            case TextBlock text:
                Paragraph(md, text, MarkdownText.Escape(separator));
                break;
            case FactsBlock facts:
                foreach (var fact in facts.Facts)
                    md.WriteLine($"- **{MarkdownText.Inline(fact.Label, " ")}**{MarkdownText.Escape(separator)}{Item(fact.Value)}");
                break;
            case ListBlock list:
                foreach (var item in list.Items)
                {
                    md.Write("- ");
                    if (item.Lead is not null)
                    {
                        md.Write("**");
                        md.Write(MarkdownText.Inline(item.Lead, " "));
                        md.Write("** ");
                    }
                    md.WriteLine(Item(item.Text));
                }
                break;
            case TableBlock table:
                Table(md, table);
                break;
        }
        md.WriteLine();
    }

    /// <summary>Lines joined by hard breaks; a blank line starts a new paragraph. Muted text is in italics.</summary>
    private static void Paragraph(StreamWriter md, TextBlock text, string separator)
    {
        var paragraphs = Paragraphs(MarkdownText.Lines(text.Text)).Select(p => text.Muted ? p.Select(l => $"*{l}*").ToList() : p).ToList();
        if (text.Lead is not null)
            paragraphs[0][0] = $"**{MarkdownText.Inline(text.Lead, " ")}**{separator}{paragraphs[0][0]}";
        md.Write(string.Join("\n\n", paragraphs.Select(p => string.Join(HardBreak, p))));
        md.WriteLine();
    }

    private static List<List<string>> Paragraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<List<string>> { new() };
        foreach (var line in lines)
        {
            if (line.Length == 0 && paragraphs[^1].Count > 0)
                paragraphs.Add([]);
            else if (line.Length > 0)
                paragraphs[^1].Add(line);
        }
        if (paragraphs.Count > 1 && paragraphs[^1].Count == 0)
            paragraphs.RemoveAt(paragraphs.Count - 1);
        if (paragraphs[0].Count == 0)
            paragraphs[0].Add("");
        return paragraphs;
    }

    /// <summary>A list item's text: its lines as hard breaks, indented to stay inside the item.</summary>
    private static string Item(string text) => MarkdownText.Inline(text, HardBreak + "  ");

    private static void Table(StreamWriter md, TableBlock table)
    {
        md.WriteLine($"| {string.Join(" | ", table.Header.Select(Cell))} |");
        md.WriteLine($"|{string.Join("|", table.Header.Select(_ => "---"))}|");
        foreach (var row in table.Rows)
            md.WriteLine($"| {string.Join(" | ", row.Select(Cell))} |");
    }

    /// <summary>A cell is one line: its line breaks become &lt;br&gt; (ours; any "&lt;" of the text itself is escaped).</summary>
    private static string Cell(string text) => MarkdownText.Inline(text, "<br>") is { Length: > 0 } cell ? cell : " ";
}
