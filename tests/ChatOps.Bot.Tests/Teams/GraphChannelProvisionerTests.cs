using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Bot.Teams;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Teams;

/// <summary>The bot's Graph path against a loopback Graph that keeps channel names unique per team.</summary>
public sealed class GraphHost : IAsyncLifetime
{
    public BotHost Host { get; } = new();
    public FakeGraph Graph { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Graph = await FakeGraph.StartAsync();
        Host.Settings["Graph:BaseUrl"] = Graph.GraphBase.AbsoluteUri;
        await Host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
    }
}

public sealed class GraphChannelProvisionerTests(GraphHost fixture) : IClassFixture<GraphHost>
{
    private static readonly Client Fabrikam = new("fabrikam", "Fabrikam", "tenant-f", "team-f", "en", "Europe/London", "emergency-response", null,
        [new Person("aad-a", "Ann Approver")], []);

    private IChannelProvisioner Provisioner => fixture.Host.Services.CreateScope().ServiceProvider.GetRequiredService<IChannelProvisioner>();

    [Fact]
    public async Task A_client_without_a_configured_channel_gets_a_new_standard_channel_named_after_the_incident()
    {
        var id = await Provisioner.EnsureChannelAsync(Fabrikam, "INC-2026-0101", "Payroll server: ransomware?", default);

        Assert.StartsWith("19:", id, StringComparison.Ordinal);
        Assert.Contains(("team-f", "INC-2026-0101 PAYROLL SERVER RANSOMWARE"), fixture.Graph.Channels);
    }

    [Fact]
    public async Task A_name_already_taken_in_the_team_gets_a_numbered_one()
    {
        await Provisioner.EnsureChannelAsync(Fabrikam, "INC-2026-0102", "DDoS", default);

        await Provisioner.EnsureChannelAsync(Fabrikam, "INC-2026-0102", "DDoS", default);

        Assert.Contains(("team-f", "INC-2026-0102 DDOS (2)"), fixture.Graph.Channels);
    }

    [Fact]
    public async Task Declaring_for_a_client_without_a_configured_channel_opens_a_graph_channel_and_posts_there()
    {
        var host = fixture.Host;
        await host.Services.GetRequiredService<IClientDirectory>().UpsertAsync(Fabrikam with { Responders = [new Person("aad-alex", "Alex")] }, default);
        var declare = TeamsActivities.Message(host.Connector.ServiceUrl, "declare P1 ddos client=fabrikam \"Shop offline\"");
        declare["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "29:alex", ["name"] = "Alex", ["aadObjectId"] = "aad-alex" };

        await host.PostAsync(declare);

        var created = await host.Connector.WaitForAsync(r => r.Path == "/v3/conversations" && r.Body.Contains("Shop offline", StringComparison.Ordinal));
        var channel = created.Json.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString();
        Assert.StartsWith("19:", channel, StringComparison.Ordinal);
        Assert.Contains(fixture.Graph.Channels, c => c.Team == "team-f" && c.Name.EndsWith("SHOP OFFLINE", StringComparison.Ordinal));
        var id = (await host.Connector.WaitForAsync(r => r.Body.Contains((string)declare["id"]!, StringComparison.Ordinal))).Body;
        Assert.Contains("declared", id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_graph_refusal_surfaces_as_a_teams_failure()
    {
        fixture.Graph.FailNextWith = 403;

        await Assert.ThrowsAsync<ConnectorException>(() => Provisioner.EnsureChannelAsync(Fabrikam, "INC-2026-0103", "Webshell", default));
    }

    [Fact]
    public async Task A_client_with_a_configured_channel_never_calls_graph()
    {
        var before = fixture.Graph.Channels.Count;

        var id = await Provisioner.EnsureChannelAsync(Fabrikam with { IncidentChannelId = "team-id" }, "INC-2026-0104", "x", default);

        Assert.Equal("team-id", id);
        Assert.Equal(before, fixture.Graph.Channels.Count);
    }
}

public sealed class ActivityFeedTests(GraphHost fixture) : IClassFixture<GraphHost>
{
    [Fact]
    public async Task A_page_notifies_the_persons_activity_feed_through_graph_except_where_there_is_no_graph()
    {
        var fabrikam = new Client("fabrikam", "Fabrikam", "tenant-f", "team-f", "en", "Europe/London", "emergency-response", null, [new Person("aad-a", "Ann Approver")], []);
        var playground = fabrikam with { Id = "contoso", IncidentChannelId = "team-id" };
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<IActivityFeed>();

        await feed.NotifyAsync(fabrikam, new Person("aad-lee", "Lee Gu"), "📟 INC-2026-0001 · page PG-01", default);
        await feed.NotifyAsync(playground, new Person("aad-lee", "Lee Gu"), "not sent", default);

        Assert.Equal(("aad-lee", "📟 INC-2026-0001 · page PG-01"), Assert.Single(fixture.Graph.Notifications));
    }
}
