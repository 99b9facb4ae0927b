using ChatOps.Incidents.DataFiles;
using ChatOps.Incidents.Playbooks;

namespace ChatOps.Incidents.Tests.Playbooks;

public sealed class BrokenPlaybookTests
{
    private static readonly string Valid = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "playbooks", "emergency-response.yaml"));

    private static DataFileProblem FirstProblem(string yaml) =>
        Assert.Throws<DataFileException>(() => PlaybookLoader.Parse(yaml, "mine.yaml")).Problems[0];

    private static long LineOf(string yaml, string text) =>
        yaml.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(text, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void A_missing_translation_names_the_file_line_and_field()
    {
        var yaml = Valid.Replace("{ zh-CN: 检测方案确定, en: Detection plan }", "{ zh-CN: 检测方案确定 }", StringComparison.Ordinal);

        var problem = FirstProblem(yaml);

        Assert.Equal("mine.yaml", problem.File);
        Assert.Equal(LineOf(yaml, "CP-06"), problem.Line);
        Assert.Equal("phases[1].controlPoints[1].name.en", problem.Field.TrimStart('.'));
    }

    [Fact]
    public void An_unknown_authorisation_is_refused()
    {
        var yaml = Valid.Replace("authorisation: written, deliverables: [contract", "authorisation: verbal, deliverables: [contract", StringComparison.Ordinal);

        var problem = FirstProblem(yaml);

        Assert.EndsWith("controlPoints[1].authorisation", problem.Field, StringComparison.Ordinal);
        Assert.Contains("verbal", problem.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(yaml, "CP-02"), problem.Line);
    }

    [Fact]
    public void A_deliverable_that_the_phase_does_not_have_is_refused()
    {
        var yaml = Valid.Replace("deliverables: [personnel-list]", "deliverables: [personnel-roster]", StringComparison.Ordinal);

        var problem = FirstProblem(yaml);

        Assert.Contains("personnel-roster", problem.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(yaml, "personnel-roster"), problem.Line);
    }

    [Fact]
    public void Phases_out_of_order_are_refused()
    {
        var yaml = Valid.Replace("- id: recovery", "- id: restoration", StringComparison.Ordinal);

        Assert.Equal("phases", FirstProblem(yaml).Field);
    }

    [Fact]
    public void A_duplicated_control_point_id_is_refused()
    {
        var yaml = Valid.Replace("{ id: CP-04,", "{ id: CP-03,", StringComparison.Ordinal);

        Assert.Contains("CP-03", FirstProblem(yaml).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id: x\nphases: [unclosed")]
    [InlineData("- just\n- a list")]
    [InlineData("")]
    public void Text_that_is_not_a_playbook_is_refused_with_a_line(string yaml)
    {
        var problem = FirstProblem(yaml);

        Assert.True(problem.Line >= 1);
        Assert.Equal("mine.yaml", problem.File);
    }
}
