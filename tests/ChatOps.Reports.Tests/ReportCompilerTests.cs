using System.IO.Compression;
using System.Text;
using ChatOps.Incidents.Reports;

namespace ChatOps.Reports.Tests;

public sealed class ReportCompilerTests
{
    [Fact]
    public void Each_language_of_the_version_gets_a_Word_file_and_a_Markdown_file_named_after_the_incident_and_version()
    {
        var files = CompiledReport.Default.Files;

        Assert.Equal(
            [
                ("INC-2026-0042-report-R1.zh-CN.docx", "zh-CN", "docx", ReportCompiler.DocxType),
                ("INC-2026-0042-report-R1.zh-CN.md", "zh-CN", "md", "text/markdown; charset=utf-8"),
                ("INC-2026-0042-report-R1.en.docx", "en", "docx", ReportCompiler.DocxType),
                ("INC-2026-0042-report-R1.en.md", "en", "md", "text/markdown; charset=utf-8"),
            ],
            files.Select(f => (f.Name, f.Language, f.Format, f.ContentType)));
        Assert.All(files.Where(f => f.Format == "docx"), f => Assert.NotNull(new ZipArchive(new MemoryStream(f.Content)).GetEntry("word/document.xml")));
        Assert.All(files.Where(f => f.Format == "md"), f => Assert.False(f.Content.AsSpan().StartsWith(Encoding.UTF8.Preamble)));
    }

    [Fact]
    public void A_version_in_one_language_yields_only_that_language()
    {
        var scenario = ReportScenario.Run().Close();
        var inputs = ReportFixture.Inputs(scenario.Incident, scenario.Events, ReportFixture.Start.AddDays(2));

        var files = ReportCompiler.Compile(inputs);

        Assert.Equal(ReportStatus.Confirmed, inputs.Version.Status);
        Assert.Equal(["INC-2026-0042-report-R2.en.docx", "INC-2026-0042-report-R2.en.md"], files.Select(f => f.Name));
    }

    [Fact]
    public void Compiling_the_same_inputs_twice_gives_the_same_Markdown()
    {
        var scenario = ReportScenario.Run();

        var first = ReportCompiler.Compile(scenario.Inputs());
        var second = ReportCompiler.Compile(scenario.Inputs());

        Assert.Equal(first.Where(f => f.Format == "md").Select(f => f.Content), second.Where(f => f.Format == "md").Select(f => f.Content));
    }
}
