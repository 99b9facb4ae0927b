using System.Runtime.CompilerServices;
using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace ChatOps.Reports.Tests;

/// <summary>The files compiled from a scenario, by language and format, and ways to read them back.</summary>
internal sealed class CompiledReport(IReadOnlyList<CompiledFile> files)
{
    private static readonly Lazy<CompiledReport> Shared = new(() => Of(ReportScenario.Run()));

    /// <summary>The realistic incident's R1, compiled once for the tests that only read it.</summary>
    public static CompiledReport Default => Shared.Value;

    public IReadOnlyList<CompiledFile> Files => files;

    public static CompiledReport Of(ReportScenario scenario) => new(ReportCompiler.Compile(scenario.Inputs()));

    public CompiledFile File(string language, string format) => files.Single(f => f.Language == language && f.Format == format);

    public string Markdown(string language) => new UTF8Encoding(false, true).GetString(File(language, "md").Content);

    public WordprocessingDocument Docx(string language) => WordprocessingDocument.Open(new MemoryStream(File(language, "docx").Content), false);

    /// <summary>The test project's folder in the source tree (golden files are read from and written to it).</summary>
    public static string SourceDirectory => Here();

    private static string Here([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
