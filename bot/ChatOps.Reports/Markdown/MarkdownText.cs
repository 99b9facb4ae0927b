using System.Text;
using ChatOps.Reports.Escaping;

namespace ChatOps.Reports.Markdown;

/// <summary>
/// Text shown literally in CommonMark / GitHub Markdown: every character that could start markup (emphasis, links, code,
/// HTML, tables, entities, math) is backslash-escaped, and so is what would make a line a heading, list, quote or rule.
/// </summary>
internal static class MarkdownText
{
    private const string Markup = "\\`*_[]()#|<>~&$!{}";

    /// <summary>The text's lines, each escaped; blank lines are kept (they separate paragraphs).</summary>
    public static IEnumerable<string> Lines(string? text) => SafeText.Lines(text).Select(Escape);

    /// <summary>The text on one line (a table cell, a heading): its lines joined by <paramref name="separator"/>.</summary>
    public static string Inline(string? text, string separator) => string.Join(separator, Lines(text).Where(l => l.Length > 0));

    /// <summary>One line, already cleaned and trimmed.</summary>
    public static string Escape(string line)
    {
        var escaped = new StringBuilder(line.Length + 8);
        var start = 0;
        // A line starting "- ", "+ ", "=" or "1." would become a list item, a setext underline or a numbered item.
        if (line.Length > 0 && line[0] is '-' or '+' or '=')
        {
            escaped.Append('\\').Append(line[0]);
            start = 1;
        }
        else
        {
            var digits = 0;
            while (digits < line.Length && char.IsAsciiDigit(line[digits]))
                digits++;
            if (digits > 0 && digits < line.Length && line[digits] == '.')
            {
                escaped.Append(line, 0, digits).Append("\\.");
                start = digits + 1;
            }
        }
        for (var i = start; i < line.Length; i++)
        {
            if (Markup.Contains(line[i], StringComparison.Ordinal))
                escaped.Append('\\');
            escaped.Append(line[i]);
        }
        return escaped.ToString();
    }

    /// <summary>GitHub's anchor for a heading: lower case, letters, digits, '-' and '_' kept, spaces as '-'.</summary>
    public static string Slug(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var ch in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch) || ch is '-' or '_')
                slug.Append(ch);
            else if (ch == ' ')
                slug.Append('-');
        }
        return slug.ToString();
    }
}
