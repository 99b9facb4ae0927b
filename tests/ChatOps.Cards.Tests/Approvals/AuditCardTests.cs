using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Approvals;
using ChatOps.Cards.Tests.Checking;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;
using static ChatOps.Cards.Tests.Incidents.CardFixture;

namespace ChatOps.Cards.Tests.Approvals;

public sealed class AuditCardTests
{
    private static readonly ExportLink Csv = new(new Uri("https://contoso.blob.core.windows.net/chatops-exports/INC-2026-0042/1/audit.csv?sv=2025-01-05&se=2026-11-24T03%3A30%3A00Z&sr=b&sp=r&sig=abc"), Now.AddHours(25));
    private static readonly ExportLink Json = new(new Uri("https://contoso.blob.core.windows.net/chatops-exports/INC-2026-0042/2/audit.json?sv=2025-01-05&se=2026-11-24T03%3A30%3A00Z&sr=b&sp=r&sig=def"), Now.AddHours(25));

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void An_export_shows_its_counts_the_intact_chain_its_head_and_two_download_links(string language)
    {
        var (export, _, _) = Exported();

        var card = AuditCard.Build(export, Csv, Json, Shanghai, CultureInfo.GetCultureInfo(language));

        Assert.Equal([Csv.Url, Json.Url], card.Actions!.Cast<OpenUrlAction>().Select(a => a.Url));
        var facts = card.Body.OfType<FactSet>().Single().Facts.Select(f => f.Value).ToList();
        Assert.Equal(["1", "1", "0", "0"], facts[..4]);
        Assert.Contains(export.Head, facts);
        Assert.Contains("2026-11-24 11:30 UTC+08:00", facts);
        CardAssert.Valid(card);
        Snapshot.Match(JToken.Parse(CardJson.ToJson(card)), SnapshotNameExtension.Create(language));
    }

    [Fact]
    public void A_broken_chain_is_shown_in_red_with_the_first_broken_link()
    {
        var (export, incident, events) = Exported();
        var broken = AuditExport.Build(incident, events[..1], Contoso, Now);

        var card = AuditCard.Build(broken, Csv, Json, Shanghai, CultureInfo.GetCultureInfo("en"));

        CardAssert.Valid(card);
        var status = card.Body.OfType<TextBlock>().Single(t => t.Color is not null);
        Assert.Equal("Attention", status.Color);
        Assert.StartsWith("Broken at event 2:", status.Text, StringComparison.Ordinal);
        Assert.Equal(export.Head, broken.Head);
    }

    private static (AuditExport Export, Incident Incident, List<TimelineEvent> Events) Exported()
    {
        var (incident, events) = ChatOps.Incidents.Incidents.Incident.Declare("INC-2026-0042", "contoso", Playbook, Playbook.FindType("web-defacement")!,
            Playbook.FindSeverity("P1")!, "Homepage defaced", "The homepage shows a ransom note.", Commander, Responder, Now);
        var timeline = events.ToList();
        var proposal = new Proposal("Isolate web-01", "web-01", "Site offline", "Re-enable the port", "30 min downtime", "Tonight 22:00");
        var (request, requested) = incident.RequestApproval(Playbook, "CP-09", proposal, ApprovalPolicy.Default, Responder, Now);
        timeline.AddRange(requested);
        timeline.AddRange(incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, Contoso, "tenant", Contoso.Approvers[0], Now.AddMinutes(5)));
        return (AuditExport.Build(incident, timeline, Contoso, Now.AddMinutes(10)), incident, timeline);
    }
}
