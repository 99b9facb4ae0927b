using System.Text.RegularExpressions;
using ChatOps.Reports.Tests.Docx;
using ChatOps.Testing;
using DocumentFormat.OpenXml.Validation;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ChatOps.Reports.Tests.Escaping;

/// <summary>
/// Hostile text as every field people write (title, note, summary, evidence, custody, proposal, decision): the Markdown
/// keeps the report's own structure (the same headings and contents links, intact table rows, no HTML but its line
/// breaks), and the Word file validates and holds the text.
/// </summary>
public sealed partial class HostileTextProperties
{
    private static readonly string[] Languages = ["en", "zh-CN"];
    private static readonly Lazy<CompiledReport> Benign = new(() => CompiledReport.Of(ReportScenario.Hostile(HostileText.Marker + " plain words")));

    [Fact]
    public void Hostile_text_never_adds_a_heading_a_link_HTML_or_a_table_cell_to_the_Markdown()
    {
        var property = Prop.ForAll(HostileText.Marked.ToArbitrary(), text =>
        {
            var report = CompiledReport.Of(ReportScenario.Hostile(text));
            foreach (var language in Languages)
            {
                var markdown = report.Markdown(language);
                var benign = Benign.Value.Markdown(language);
                Assert.Contains(HostileText.Marker, markdown, StringComparison.Ordinal);
                Assert.Equal(Headings(benign), Headings(markdown));
                Assert.Equal(Unescaped(benign, "]("), Unescaped(markdown, "]("));
                Assert.Equal(0, Unescaped(markdown.Replace("<br>", "", StringComparison.Ordinal), "<"));
                Assert.All(Tables(markdown), rows => Assert.Single(rows.Select(r => Unescaped(r, "|")).Distinct()));
                Assert.DoesNotContain(markdown, c => char.IsControl(c) && c is not ('\n' or '\t'));
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25).WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261123, 1), FSharpOption<int>.None))), property);
    }

    [Fact]
    public void The_Word_reports_of_a_hostile_sample_validate_and_hold_the_text()
    {
        foreach (var text in HostileText.Sample(2, seed: 7))
        {
            var report = CompiledReport.Of(ReportScenario.Hostile(text));
            foreach (var language in Languages)
            {
                using var docx = report.Docx(language);
                Assert.Empty(new OpenXmlValidator().Validate(docx).Select(e => e.Description));
                Assert.Contains(HostileText.Marker, DocxReader.Text(docx), StringComparison.Ordinal);
            }
        }
    }

    private static List<string> Headings(string markdown) => [.. markdown.Split('\n').Where(l => l.StartsWith('#'))];

    /// <summary>Occurrences of <paramref name="token"/> not escaped by a backslash (an odd run of them before it).</summary>
    private static int Unescaped(string text, string token)
    {
        var count = 0;
        for (var at = text.IndexOf(token, StringComparison.Ordinal); at >= 0; at = text.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var slashes = 0;
            while (at - slashes - 1 >= 0 && text[at - slashes - 1] == '\\')
                slashes++;
            if (slashes % 2 == 0)
                count++;
        }
        return count;
    }

    /// <summary>Each table's rows (runs of lines that start with a pipe).</summary>
    private static IEnumerable<List<string>> Tables(string markdown) =>
        TableBlock().Matches(markdown).Select(m => m.Value.TrimEnd('\n').Split('\n').ToList());

    [GeneratedRegex(@"(?m)(^\|.*\n)+")]
    private static partial Regex TableBlock();
}
