using ChatOps.Incidents.Playbooks;

namespace ChatOps.Incidents.Tests.Playbooks;

public sealed class ShippedPlaybookTests
{
    private static Playbook Load(string name) => PlaybookLoader.Load(Path.Combine(AppContext.BaseDirectory, "playbooks", name));

    [Fact]
    public void The_emergency_response_playbook_has_six_phases_and_seventeen_control_points()
    {
        var playbook = Load("emergency-response.yaml");

        Assert.Equal(["准备", "检测", "抑制", "根除", "恢复", "总结"], playbook.Phases.Select(p => p.Name.ZhCn));
        Assert.Equal([4, 3, 3, 3, 2, 2], playbook.Phases.Select(p => p.ControlPoints.Count));
        Assert.Equal(Enumerable.Range(1, 17).Select(i => $"CP-{i:D2}"), playbook.ControlPoints.Select(c => c.Id));
    }

    [Theory]
    [InlineData("emergency-response.yaml", "Estimate the incident's scope and impact, set the response strategy and preserve the evidence")]
    [InlineData("emergency-response.yaml", "Incident detection, analysis and handling report")]
    [InlineData("emergency-response.yaml", "Review the whole handling process, summarise it and record it")]
    [InlineData("cloud-response.yaml", "Remove trojans, malware, backdoor accounts and abnormal processes")]
    [InlineData("cloud-response.yaml", "Write the report, have the client confirm it, and close")]
    public void English_texts_with_commas_are_read_whole(string file, string expected)
    {
        var playbook = Load(file);
        var texts = playbook.Phases.SelectMany(p => p.Deliverables.Select(d => d.Name).Append(p.Objective).Append(p.Name)).Select(t => t.En);

        // An unquoted ", " ends a value in a YAML flow mapping: "Remove trojans, malware, …" used to read "Remove trojans".
        Assert.Contains(expected, texts);
    }

    [Fact]
    public void The_client_authorises_exactly_the_points_the_seed_says()
    {
        var playbook = Load("emergency-response.yaml");

        var gated = playbook.ControlPoints.Where(c => c.IsGated).ToDictionary(c => c.Id, c => c.Authorisation);

        Assert.Equal(new Dictionary<string, Authorisation>
        {
            ["CP-02"] = Authorisation.Written, // 与甲方签订《应急响应实施授权书》
            ["CP-05"] = Authorisation.Written, // 检测对象及范围应得到甲方的书面授权
            ["CP-06"] = Authorisation.Approval, // 和甲方共同确定检测方案
            ["CP-09"] = Authorisation.Approval, // 应得到甲方的认可
            ["CP-12"] = Authorisation.Written, // 并获得甲方的书面授权
        }, gated);
    }

    [Fact]
    public void The_deliverables_include_the_seed_documents()
    {
        var playbook = Load("emergency-response.yaml");
        var names = playbook.Phases.SelectMany(p => p.Deliverables).Select(d => d.Name.ZhCn).ToHashSet();

        Assert.Superset(new HashSet<string> { "应急响应实施授权书", "应急响应实施方案", "应急响应事件检测分析及处置报告", "应急响应事件根除及恢复报告", "应急响应报告" }, names);
        Assert.Contains(playbook.Phase("summary").ControlPoints, c => c.Deliverables.Any(d => d.Name.ZhCn == "应急响应报告"));
    }

    [Fact]
    public void The_taxonomy_has_three_categories_of_three_types()
    {
        var playbook = Load("emergency-response.yaml");

        Assert.Equal(["web-intrusion", "system-intrusion", "network-attack"], playbook.Taxonomy.Select(c => c.Id));
        Assert.All(playbook.Taxonomy, c => Assert.Equal(3, c.Types.Count));
        Assert.Equal("system-intrusion", playbook.FindType("RANSOMWARE")!.CategoryId);
        Assert.Equal("Critical", playbook.FindSeverity("p1")!.Name.En);
    }

    [Fact]
    public void The_cloud_response_playbook_follows_seed_004s_steps()
    {
        var playbook = Load("cloud-response.yaml");

        Assert.Equal(Playbook.PhaseIds, playbook.Phases.Select(p => p.Id));
        Assert.Contains("5", playbook.FindControlPoint("C-01")!.Name.ZhCn, StringComparison.Ordinal);
        Assert.False(playbook.FindControlPoint("C-07")!.Mandatory);
        Assert.Contains("确认", playbook.FindControlPoint("C-08")!.Name.ZhCn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emergency-response.yaml")]
    [InlineData("cloud-response.yaml")]
    public void Every_name_in_a_shipped_playbook_is_in_both_languages(string file)
    {
        var playbook = Load(file);
        var texts = new[] { playbook.Name }
            .Concat(playbook.Severities.Select(s => s.Name))
            .Concat(playbook.Taxonomy.Select(c => c.Name)).Concat(playbook.Types.Select(t => t.Name))
            .Concat(playbook.Phases.SelectMany(p => new[] { p.Name, p.Objective }.Concat(p.Deliverables.Select(d => d.Name))))
            .Concat(playbook.ControlPoints.Select(c => c.Name));

        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t.ZhCn) || string.IsNullOrWhiteSpace(t.En), t.ToString()));
    }
}
