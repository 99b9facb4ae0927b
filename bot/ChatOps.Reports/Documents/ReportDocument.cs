using System.Globalization;

namespace ChatOps.Reports.Documents;

/// <summary>
/// The report in one language, as the writers see it: a cover, the contents, and sections of blocks. Every text is
/// final (translated, formatted, in the client's time zone) and still raw: each writer escapes it for its format.
/// </summary>
internal sealed record ReportDocument(
    CultureInfo Language, string IncidentId, DateTimeOffset CompiledAt, ReportCover Cover, string ContentsHeading, string ContentsHint, string PageFooter, string LabelSeparator,
    IReadOnlyList<ReportSection> Sections);

/// <summary>The title page: the report's title, the incident's title and the facts a reader looks for first.</summary>
internal sealed record ReportCover(string Title, string Subtitle, IReadOnlyList<Fact> Facts);

/// <summary>A heading (level 1 or 2) and what follows it up to the next heading.</summary>
internal sealed record ReportSection(int Level, string Heading, IReadOnlyList<ReportBlock> Blocks);

internal sealed record Fact(string Label, string Value);

internal abstract record ReportBlock;

/// <summary>A paragraph of text, which may hold line breaks; a lead is shown in bold before it; muted for "not recorded".</summary>
internal sealed record TextBlock(string Text, string? Lead = null, bool Muted = false) : ReportBlock;

/// <summary>Label and value pairs (a two-column table in Word, a list in Markdown).</summary>
internal sealed record FactsBlock(IReadOnlyList<Fact> Facts) : ReportBlock;

/// <summary>A bulleted list; its items may be produced lazily (the timeline of a long incident).</summary>
internal sealed record ListBlock(IEnumerable<ListItem> Items) : ReportBlock;

internal sealed record ListItem(string Text, string? Lead = null);

/// <summary>A table with a header row (repeated on every page in Word); relative column widths; rows may be lazy.</summary>
internal sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<int> Widths, IEnumerable<IReadOnlyList<string>> Rows) : ReportBlock;
