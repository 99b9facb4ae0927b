using System.Buffers;
using System.Text;
using ChatOps.Reports.Escaping;

namespace ChatOps.Reports.Markdown;

/// <summary>
/// Text shown literally in CommonMark / GitHub Markdown: every character that could start markup (emphasis, links, code,
/// HTML, tables, entities, math) is backslash-escaped, and so is what would make a line a heading, list, quote or rule.
/// </summary>
internal static class MarkdownText
{
    private static readonly SearchValues<char> Markup = SearchValues.Create("\\`*_[]()#|<>~&$!{}");

    /// <summary>The text's lines, each escaped; blank lines are kept (they separate paragraphs).</summary>
    public static IEnumerable<string> Lines(string? text) => SafeText.Lines(text).Select(Escape);

    /// <summary>The text on one line (a table cell, a heading): its lines joined by <paramref name="separator"/>.</summary>
    public static string Inline(string? text, string separator)
    {
        var clean = SafeText.Clean(text);
        return clean.Contains('\n', StringComparison.Ordinal)
            ? string.Join(separator, clean.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(Escape))
            : Escape(clean.Trim());
    }

    /// <summary>One line, already cleaned and trimmed.</summary>
    public static string Escape(string line)
    {
        var start = 0;
        // A line starting "- ", "+ ", "=" or "1." would become a list item, a setext underline or a numbered item.
        if (line.Length > 0 && line[0] is '-' or '+' or '=')
            start = 1;
        else
        {
            var digits = 0;
            while (digits < line.Length && char.IsAsciiDigit(line[digits]))
                digits++;
            if (digits > 0 && digits < line.Length && line[digits] == '.')
                start = digits + 1;
        }
        var rest = line.AsSpan(start);
        if (start == 0 && rest.IndexOfAny(Markup) < 0)
            return line;
        var escaped = new StringBuilder(line.Length + 8);
        if (start > 0)
            escaped.Append(line, 0, start - 1).Append('\\').Append(line[start - 1]);
        for (var next = rest.IndexOfAny(Markup); next >= 0; next = rest.IndexOfAny(Markup))
        {
            escaped.Append(rest[..next]).Append('\\').Append(rest[next]);
            rest = rest[(next + 1)..];
        }
        return escaped.Append(rest).ToString();
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
