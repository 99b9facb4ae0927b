using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Teams;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Testing.GraphOperation;

namespace ChatOps.Bot.Tests.Teams;

/// <summary>Closing an incident's channel against the loopback Graph: renamed with the closed marker, then archived.</summary>
public sealed class ChannelArchiveTests(GraphHost fixture) : IClassFixture<GraphHost>
{
    private static readonly Client Fabrikam = new("fabrikam", "Fabrikam", "tenant-f", "team-f", "en", "Europe/London", "emergency-response", null,
        [new Person("aad-a", "Ann Approver")], []);

    private FakeGraph Graph => fixture.Graph;

    private IServiceProvider Services => fixture.Host.Services.CreateScope().ServiceProvider;

    [Theory]
    [InlineData("en", "INC-2026-0201", "Payroll server: ransomware?", "[Closed] INC-2026-0201 Payroll server ransomware")]
    [InlineData("zh-CN", "INC-2026-0202", "首页被篡改", "[已关闭] INC-2026-0202 首页被篡改")]
    public async Task Archiving_renames_the_channel_with_the_closed_marker_in_the_clients_language_then_archives_it(
        string locale, string incidentId, string title, string closed)
    {
        var client = Fabrikam with { Locale = locale };
        var channel = await OpenAsync(client, incidentId, title);

        await ArchiveAsync(client, channel, incidentId, title);

        Assert.Equal(closed, Graph.Channel(channel)!.DisplayName);
        Assert.True(Graph.Channel(channel)!.Archived);
        Assert.Equal([Read, Rename, Archive], Operations(channel));
        Assert.Contains(Graph.Received, r => r.Operation == Rename && r.Method == "PATCH" && r.Path == $"/v1.0/teams/team-f/channels/{channel}");
        Assert.Contains(Graph.Received, r => r.Operation == Archive && r.Method == "POST" && r.Path == $"/v1.0/teams/team-f/channels/{channel}/archive");
    }

    [Fact]
    public async Task Archiving_a_channel_already_closed_and_archived_succeeds_without_renaming_it_again()
    {
        var channel = await OpenAsync(Fabrikam, "INC-2026-0203", "DDoS");
        await ArchiveAsync(Fabrikam, channel, "INC-2026-0203", "DDoS");

        await ArchiveAsync(Fabrikam, channel, "INC-2026-0203", "DDoS");

        Assert.Equal([Read, Rename, Archive, Read, Archive], Operations(channel));
        Assert.Equal("[Closed] INC-2026-0203 DDoS", Graph.Channel(channel)!.DisplayName);
        Assert.True(Graph.Channel(channel)!.Archived);
    }

    [Fact]
    public async Task A_throttled_archive_is_retried_after_its_Retry_After()
    {
        var channel = await OpenAsync(Fabrikam, "INC-2026-0204", "Webshell");
        Graph.FailNext(Archive, 429, retryAfter: "0");

        await ArchiveAsync(Fabrikam, channel, "INC-2026-0204", "Webshell");

        Assert.Equal([Read, Rename, Archive, Archive], Operations(channel));
        Assert.True(Graph.Channel(channel)!.Archived);
    }

    [Fact]
    public async Task A_graph_refusal_surfaces_as_an_exception_and_a_later_try_finishes_without_renaming_again()
    {
        var channel = await OpenAsync(Fabrikam, "INC-2026-0205", "Phishing");
        Graph.FailNext(Archive, 403);

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => ArchiveAsync(Fabrikam, channel, "INC-2026-0205", "Phishing"));
        await ArchiveAsync(Fabrikam, channel, "INC-2026-0205", "Phishing");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal([Read, Rename, Archive, Read, Archive], Operations(channel));
        Assert.True(Graph.Channel(channel)!.Archived);
    }

    [Fact]
    public async Task A_client_whose_incidents_are_threads_in_a_configured_channel_is_left_alone()
    {
        var before = Graph.Received.Count;

        await ArchiveAsync(Fabrikam with { IncidentChannelId = "19:configured@thread.tacv2" }, "19:configured@thread.tacv2", "INC-2026-0206", "x");

        Assert.Equal(before, Graph.Received.Count);
    }

    private Task<string> OpenAsync(Client client, string incidentId, string title) =>
        Services.GetRequiredService<IChannelProvisioner>().EnsureChannelAsync(client, incidentId, title, default);

    private Task ArchiveAsync(Client client, string channel, string incidentId, string title) =>
        Services.GetRequiredService<IChannelArchive>().ArchiveAsync(client, channel, incidentId, title, default);

    private List<GraphOperation> Operations(string channel) => [.. Graph.Received.Where(r => r.Path.Contains(channel, StringComparison.Ordinal)).Select(r => r.Operation)];
}
