using ChatOps.Reports.Tests.Docx;

namespace ChatOps.Reports.Tests;

/// <summary>What a reader must find in both files of both languages: the sections, the hashes that bind the record, the client's offset.</summary>
public sealed class ReportContentTests
{
    public static readonly TheoryData<string, string[]> Sections = new()
    {
        { "zh-CN", ["执行摘要", "事件描述", "时间线", "控制点", "授权记录", "证据登记", "处置措施", "根本原因", "影响", "安全建议", "法律影响", "SLA 目标与实际", "附录：记录完整性"] },
        {
            "en",
            [
                "Executive summary", "Incident description", "Timeline", "Control points", "Approvals log", "Evidence register",
                "Containment, eradication and recovery measures", "Root cause", "Impact", "Recommendations", "Legal implications",
                "SLA targets and actuals", "Appendix: integrity of the record",
            ]
        },
    };

    private static readonly Lazy<ReportScenario> Scenario = new(() => ReportScenario.Run());

    [Theory]
    [MemberData(nameof(Sections))]
    public void The_sections_come_in_order_as_Word_headings_and_Markdown_headings(string language, string[] sections)
    {
        using var docx = CompiledReport.Default.Docx(language);
        var markdown = CompiledReport.Default.Markdown(language);

        Assert.Equal(sections, DocxReader.Headings(docx, 1));
        Assert.Equal(sections.Select(s => "## " + s), markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Skip(1));
    }

    [Theory]
    [InlineData("en", "Proposal SHA-256", "Approved")]
    [InlineData("zh-CN", "方案哈希（SHA-256）", "批准")]
    public void Both_files_carry_the_approved_proposal_hash_the_evidence_hash_and_the_head_hash(string language, string hashLabel, string approved)
    {
        var scenario = Scenario.Value;
        using var docx = CompiledReport.Default.Docx(language);
        foreach (var text in new[] { DocxReader.Text(docx), CompiledReport.Default.Markdown(language) })
        {
            Assert.Contains(hashLabel, text, StringComparison.Ordinal);
            Assert.Contains(approved, text, StringComparison.Ordinal);
            Assert.Contains(scenario.IsolationHash, text, StringComparison.Ordinal);
            Assert.Contains(ReportScenario.MemorySha, text, StringComparison.Ordinal);
            Assert.Contains(scenario.Incident.TimelineHead, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en", "23 Nov 2026 10:00 UTC+08:00", "Asia/Shanghai")]
    [InlineData("zh-CN", "2026年11月23日 10:00 UTC+08:00", "Asia/Shanghai")]
    public void Times_are_in_the_client_time_zone_with_its_offset_written_for_the_language(string language, string declared, string zone)
    {
        using var docx = CompiledReport.Default.Docx(language);
        foreach (var text in new[] { DocxReader.Text(docx), CompiledReport.Default.Markdown(language) })
        {
            Assert.Contains(declared, text, StringComparison.Ordinal);
            Assert.Contains(zone, text, StringComparison.Ordinal);
            Assert.DoesNotContain("UTC+00:00", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en", "Riley Responder: Handed evidence EV-001 from Riley Responder to Alex Analyst: For memory analysis")]
    [InlineData("zh-CN", "Riley Responder：将证据 EV-001 由 Riley Responder 移交给 Alex Analyst：For memory analysis")]
    public void The_custody_chain_and_its_transfers_are_on_the_record(string language, string line)
    {
        using var docx = CompiledReport.Default.Docx(language);

        Assert.Contains(line, DocxReader.Text(docx), StringComparison.Ordinal);
        Assert.Contains("Riley Responder → Alex Analyst", DocxReader.Text(docx), StringComparison.Ordinal);
    }
}
