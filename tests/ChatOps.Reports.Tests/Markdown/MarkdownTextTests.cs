using ChatOps.Reports.Markdown;

namespace ChatOps.Reports.Tests.Markdown;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("# not a heading", @"\# not a heading")]
    [InlineData("- not a list", @"\- not a list")]
    [InlineData("+ not a list", @"\+ not a list")]
    [InlineData("=== not an underline", @"\=== not an underline")]
    [InlineData("12. not numbered", @"12\. not numbered")]
    [InlineData("> not a quote", @"\> not a quote")]
    [InlineData("a | b", @"a \| b")]
    [InlineData("[link](https://x) ![img](y)", @"\[link\]\(https://x\) \!\[img\]\(y\)")]
    [InlineData("*em* _em_ `code` ~~strike~~", @"\*em\* \_em\_ \`code\` \~\~strike\~\~")]
    [InlineData("&amp; <b>html</b> $math$", @"\&amp; \<b\>html\</b\> \$math\$")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("v1.2 and 3.5 stay", "v1.2 and 3.5 stay")]
    public void Every_character_that_could_start_markup_is_escaped(string line, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(line));

    [Theory]
    [InlineData("Executive summary", "executive-summary")]
    [InlineData("SLA 目标与实际", "sla-目标与实际")]
    [InlineData("附录：记录完整性", "附录记录完整性")]
    [InlineData("Containment, eradication and recovery measures", "containment-eradication-and-recovery-measures")]
    public void Contents_links_use_GitHub_anchors(string heading, string slug) => Assert.Equal(slug, MarkdownText.Slug(heading));
}
