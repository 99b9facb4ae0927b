using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Reports;
using static ChatOps.Bot.Tests.Approvals.ApprovalHost;

namespace ChatOps.Bot.Tests.Reports;

/// <summary>The report end to end over HTTP, Azurite and the real Hangfire job: summary, compile, links, the client's answer.</summary>
public sealed class ReportFlowTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly ReportHost _reports = new(host);

    [Fact]
    public async Task A_compiled_report_is_stored_linked_and_sent_back_then_confirmed_which_closes_the_incident()
    {
        var (id, thread) = await _reports.InSummaryAsync("Report me");
        var saved = await _reports.Incidents.InvokeAsync(Alex, new JsonObject
        {
            ["verb"] = "summary.submit", ["incidentId"] = id, ["cause"] = "Unpatched **CMS** <plugin>", ["followUps"] = "- Rotate passwords\n- Patch monthly",
        });
        Assert.Contains("Saved:", saved, StringComparison.Ordinal);

        var asked = await _reports.SayAsync(thread, "report both", Alex);
        Assert.Contains("R1", asked, StringComparison.Ordinal);
        var delivered = await _reports.WaitForAsync(id, i => i.FindReport(1)?.Status == ReportStatus.Delivered);
        var r1 = delivered.FindReport(1)!;
        Assert.Equal(["en.docx", "en.md", "zh-CN.docx", "zh-CN.md"], r1.Files.Select(f => f.Name[$"{id}-report-R1.".Length..]).Order(StringComparer.Ordinal));
        Assert.NotNull(delivered.FindClock("report")!.StoppedAt);

        var view = await _reports.ViewAsync(Megan, id, 1);
        var links = ReportHost.Links(view);
        Assert.Equal(4, links.Count);
        using var http = new HttpClient();
        foreach (var (link, file) in links.Zip(r1.Files))
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(await http.GetByteArrayAsync(link))));
        Assert.Contains("Confirm the report", view, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirm the report", await _reports.ViewAsync(Alex, id, 1), StringComparison.Ordinal);
        var bystander = await _reports.ViewAsync(new("00000000-0000-0000-0000-0000000000023", "Lee Gu", ContosoTenant), id, 1);
        Assert.Empty(ReportHost.Links(bystander));
        Assert.Contains("Download links are for the response team", bystander, StringComparison.Ordinal);

        var refused = await _reports.ReviewAsync(Alex, id, 1, "Confirm");
        var noComment = await _reports.ReviewAsync(Megan, id, 1, "RequestChanges");
        var sentBack = await _reports.ReviewAsync(Megan, id, 1, "RequestChanges", "Add the loss estimate");
        Assert.Contains("Only the client's designated approvers", refused, StringComparison.Ordinal);
        Assert.Contains("a comment is required", noComment, StringComparison.Ordinal);
        Assert.Contains("Changes requested by Megan Bowen", sentBack, StringComparison.Ordinal);

        await _reports.SayAsync(thread, "report", Alex);
        await _reports.WaitForAsync(id, i => i.FindReport(2)?.Status == ReportStatus.Delivered);
        var stale = await _reports.ReviewAsync(Megan, id, 1, "Confirm");
        var confirmed = await _reports.ReviewAsync(Megan, id, 2, "Confirm");
        Assert.Contains("superseded by R2", stale, StringComparison.Ordinal);
        Assert.Contains("Confirmed by Megan Bowen", confirmed, StringComparison.Ordinal);

        var closed = (await _reports.Incidents.Store.GetAsync(id, default))!.Incident;
        Assert.True(closed.IsClosed);
        Assert.All(closed.Clocks.Where(c => c.StartedAt is not null), c => Assert.NotNull(c.StoppedAt));
        var timeline = await _reports.Incidents.Store.ReadTimelineAsync(id, default);
        Assert.Equal(["approval.not-an-approver", "report.superseded"], timeline.Where(e => e.Type == "report.refused").Select(e => (string)e.Data["rule"]!));
        Assert.Equal("incident.closed", timeline[^1].Type);
        var followUps = await host.Connector.WaitForAsync(r => r.Path == $"/v3/conversations/{thread}/activities" && Readable(r.Body).Contains("Patch monthly", StringComparison.Ordinal));
        Assert.Contains("Rotate passwords", Readable(followUps.Body), StringComparison.Ordinal);
        Assert.Contains("is closed", await _reports.SayAsync(thread, "note too late", Alex), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_the_summary_phase_compiles_the_report_in_the_clients_language_and_only_the_commander_may()
    {
        var (id, _) = await _reports.InSummaryAsync("Close the summary");
        var close = new JsonObject { ["verb"] = "phase.advance", ["incidentId"] = id, ["phase"] = "summary" };

        var notCommander = await _reports.Incidents.InvokeAsync(Megan, (JsonObject)close.DeepClone());
        var byCommander = await _reports.Incidents.InvokeAsync(Alex, close);

        Assert.Contains("Only the commander closes", notCommander, StringComparison.Ordinal);
        Assert.Contains("R1", byCommander, StringComparison.Ordinal);
        var compiled = await _reports.WaitForAsync(id, i => i.FindReport(1)?.Status == ReportStatus.Delivered);
        Assert.Equal(["zh-CN"], compiled.FindReport(1)!.Languages);
    }

    [Fact]
    public async Task A_report_before_the_summary_phase_gets_a_clear_answer_and_changes_nothing()
    {
        var (id, thread) = await _reports.Incidents.OpenAsync("Too early");

        var answer = await _reports.SayAsync(thread, "report", Alex);
        var wrongLanguage = await _reports.SayAsync(thread, "report fr", Alex);

        Assert.Contains("Summary phase", answer, StringComparison.Ordinal);
        Assert.Contains("report [zh-CN|en|both]", wrongLanguage, StringComparison.Ordinal);
        Assert.Empty((await _reports.Incidents.Store.GetAsync(id, default))!.Incident.Reports);
    }
}

/// <summary>Entering the Summary phase asks the team for what only people know.</summary>
public sealed class SummaryPhaseTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task Closing_recovery_posts_the_summary_checklist_and_the_summary_form()
    {
        var reports = new ReportHost(host);
        var (id, thread) = await reports.Incidents.OpenAsync("Into the summary");
        await reports.WalkToSummaryAsync(id, intoSummary: false);

        await reports.Incidents.InvokeAsync(Alex, new JsonObject { ["verb"] = "phase.advance", ["incidentId"] = id, ["phase"] = "recovery" });

        var form = await host.Connector.WaitForAsync(r => r.Method == "POST" && r.Path == $"/v3/conversations/{thread}/activities" && r.Body.Contains("summary.submit", StringComparison.Ordinal));
        Assert.Contains("事件发生原因", Readable(form.Body), StringComparison.Ordinal);
    }
}

/// <summary>Blob storage down: the compile job fails and is retried; nothing is delivered half-written.</summary>
public sealed class ReportStorageDownTests(ChatOps.Bot.Tests.Approvals.BlobDownHost blobDown) : IClassFixture<ChatOps.Bot.Tests.Approvals.BlobDownHost>
{
    [Fact]
    public async Task A_report_that_cannot_be_stored_says_it_will_retry_and_stays_compiling()
    {
        var host = blobDown.Host;
        var reports = new ReportHost(host);
        var (id, thread) = await reports.InSummaryAsync("Storage down");

        await reports.SayAsync(thread, "report", Alex);

        await host.Connector.WaitForAsync(r => r.Method == "PUT" && Readable(r.Body).Contains("存储暂不可用；正在重试", StringComparison.Ordinal));
        var incident = (await reports.Incidents.Store.GetAsync(id, default))!.Incident;
        Assert.Equal(ReportStatus.Compiling, incident.FindReport(1)!.Status);
        Assert.Empty(incident.FindReport(1)!.Files);
        Assert.DoesNotContain(await reports.Incidents.Store.ReadTimelineAsync(id, default), e => e.Type == "report.delivered");
    }
}
