namespace ChatOps.Reports.Tests.Markdown;

/// <summary>
/// The whole Markdown report of the realistic incident, compared byte for byte with Golden/*.md. After an intended change,
/// regenerate with <c>CHATOPS_UPDATE_GOLDEN=1 dotnet test tests/ChatOps.Reports.Tests</c> and review the diff.
/// </summary>
public sealed class MarkdownGoldenTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void The_Markdown_report_matches_its_golden_file(string language)
    {
        var actual = CompiledReport.Default.Markdown(language);
        var path = Path.Combine(CompiledReport.SourceDirectory, "Golden", $"{ReportScenario.Id}-report-R1.{language}.md");
        if (Environment.GetEnvironmentVariable("CHATOPS_UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, actual);

        Assert.True(File.Exists(path), $"{path} is missing: run the tests once with CHATOPS_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
