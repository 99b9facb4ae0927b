using System.Globalization;
using ChatOps.Incidents.Incidents;
using ChatOps.Reports.Documents;
using ChatOps.Reports.Docx;
using ChatOps.Reports.Markdown;

namespace ChatOps.Reports;

/// <summary>Compiles an incident into its report: for each language of the version, one DOCX and one Markdown file. Pure.</summary>
public static class ReportCompiler
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string MarkdownType = "text/markdown; charset=utf-8";

    public static IReadOnlyList<CompiledFile> Compile(ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var unknown = inputs.Version.Languages.Where(l => !Incident.ReportLanguages.Contains(l)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"The report speaks zh-CN and en only, not {string.Join(", ", unknown)}.", nameof(inputs));
        // Verifying the chain and indexing the timeline is the costly part: done once for all languages.
        var facts = ReportFacts.Gather(inputs);
        var files = new List<CompiledFile>();
        foreach (var language in inputs.Version.Languages)
        {
            var document = ReportBuilder.Build(facts, CultureInfo.GetCultureInfo(language));
            var stem = string.Create(CultureInfo.InvariantCulture, $"{inputs.Incident.Id}-report-{inputs.Version.Label}.{language}");
            files.Add(new CompiledFile(stem + ".docx", language, "docx", DocxType, DocxRenderer.Render(document)));
            files.Add(new CompiledFile(stem + ".md", language, "md", MarkdownType, MarkdownRenderer.Render(document)));
        }
        return files;
    }

    /// <summary>The language-specific model the writers render (for tests and for a preview).</summary>
    internal static ReportDocument Document(ReportInputs inputs, string language) =>
        ReportBuilder.Build(ReportFacts.Gather(inputs), CultureInfo.GetCultureInfo(language));
}
