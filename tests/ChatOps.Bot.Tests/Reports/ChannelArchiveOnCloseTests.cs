using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.Bot.Reports;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Bot.Tests.Teams;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Reports;

/// <summary>A client with a real incident channel (the loopback Graph): the client's confirmation archives it, renamed as closed.</summary>
public sealed class ChannelArchiveOnCloseTests(GraphHost fixture) : IClassFixture<GraphHost>
{
    private static readonly Actor Ann = new("aad-ann", "Ann Approver", "tenant-f");
    private static readonly Client Fabrikam = new("fabrikam", "Fabrikam", "tenant-f", "team-f", "en", "Europe/London", "emergency-response", null,
        [new Person(Ann.AadObjectId, Ann.Name)], [new Person("aad-alex", "Alex")]);

    [Fact]
    public async Task Confirming_the_report_archives_the_incident_channel_renamed_as_closed()
    {
        var host = fixture.Host;
        await host.Services.GetRequiredService<IClientDirectory>().UpsertAsync(Fabrikam, default);
        var declare = TeamsActivities.Message(host.Connector.ServiceUrl, "declare P2 ddos client=fabrikam \"Checkout flooded\"");
        declare["from"] = new JsonObject { ["id"] = "29:alex", ["name"] = "Alex", ["aadObjectId"] = "aad-alex" };
        await host.PostAsync(declare);
        var answer = await host.Connector.WaitForAsync(r => r.Body.Contains((string)declare["id"]!, StringComparison.Ordinal));
        var id = Regex.Match(answer.Body, @"INC-\d{4}-\d{4}").Value;
        var reports = new ReportHost(host);
        await reports.WalkToSummaryAsync(id);
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReportDesk>().RequestAsync(id, ["en"], new Person("aad-alex", "Alex"), default);
        await reports.WaitForAsync(id, i => i.FindReport(1)?.Status == ReportStatus.Delivered);
        var channel = (await reports.Incidents.Store.GetAsync(id, default))!.Incident.Channel!.ChannelId;
        Assert.False(fixture.Graph.Channel(channel)!.Archived);

        var confirmed = await reports.ReviewAsync(Ann, id, 1, "Confirm");

        Assert.Contains("Confirmed by Ann Approver", confirmed, StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (fixture.Graph.Channel(channel)?.Archived != true)
        {
            Assert.False(timeout.IsCancellationRequested, "the channel was not archived within 30 s of the confirmation");
            await Task.Delay(100);
        }
        Assert.Equal("[Closed] " + id + " Checkout flooded", fixture.Graph.Channel(channel)!.DisplayName);
    }
}
