using System.Text.Json.Nodes;
using ChatOps.Bot.Teams;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Teams;

/// <summary>
/// Teams allows 1,000 channels per team: from 900 (the default threshold) the declaring conversation is warned. The watch
/// counts one declaration after the other, so once a later declaration's warning has arrived, every earlier count is done.
/// </summary>
public sealed class ChannelLimitWatchTests(GraphHost fixture) : IClassFixture<GraphHost>
{
    private BotHost Host => fixture.Host;

    private FakeGraph Graph => fixture.Graph;

    [Fact]
    public async Task A_team_reaching_900_channels_warns_the_declaring_conversation_once_in_the_declarers_language_and_899_warns_nobody()
    {
        Graph.AddChannels("team-899", 898);
        Graph.AddChannels("team-900", 899);

        await DeclareAsync(Client("northwind", "team-899"), "a:declare-899");
        await DeclareAsync(Client("tailspin", "team-900"), "a:declare-900", locale: "zh-CN");

        var warning = await WarningAsync("a:declare-900");
        Assert.Contains("tailspin 的团队已有 900 个频道", warning, StringComparison.Ordinal);
        Assert.Contains("已存档的事件频道仍计入上限", warning, StringComparison.Ordinal);
        Assert.Empty(Warnings("a:declare-899"));
        await DeclareAsync(Client("wingtip", "team-900"), "a:declare-901");
        Assert.Contains("wingtip's team has 901 of the 1,000 channels", await WarningAsync("a:declare-901"), StringComparison.Ordinal);
        Assert.Single(Warnings("a:declare-900"));
    }

    [Fact]
    public async Task A_failure_to_count_the_channels_neither_stops_the_declaration_nor_later_warnings()
    {
        Graph.AddChannels("team-refusing", 950);
        Graph.FailNext(GraphOperation.List, 403);

        var confirmation = await DeclareAsync(Client("fourthcoffee", "team-refusing"), "a:declare-refused");

        Assert.Contains("declared", confirmation, StringComparison.Ordinal);
        await DeclareAsync(Client("litware", "team-refusing"), "a:declare-after");
        await WarningAsync("a:declare-after");
        Assert.Empty(Warnings("a:declare-refused"));
    }

    [Fact]
    public async Task A_client_whose_incidents_are_threads_in_a_configured_channel_is_never_counted()
    {
        Graph.AddChannels("team-configured", 950);
        Graph.AddChannels("team-sentinel", 950);

        await DeclareAsync(Client("adatum", "team-configured") with { IncidentChannelId = "19:configured@thread.tacv2" }, "a:declare-configured");
        await DeclareAsync(Client("proseware", "team-sentinel"), "a:declare-sentinel");

        await WarningAsync("a:declare-sentinel");
        Assert.DoesNotContain(Graph.Received, r => r.Operation == GraphOperation.List && r.Path.Contains("team-configured", StringComparison.Ordinal));
        Assert.Empty(Warnings("a:declare-configured"));
    }

    [Fact]
    public async Task Counting_a_teams_channels_follows_the_next_links_through_every_page()
    {
        Graph.AddChannels("team-paged", 250);

        var count = await Host.Services.CreateScope().ServiceProvider.GetRequiredService<GraphChannelCount>().CountAsync("team-paged", default);

        Assert.Equal(250, count);
        var pages = Graph.Received.Where(r => r.Operation == GraphOperation.List && r.Path == "/v1.0/teams/team-paged/channels").Select(r => r.Query).ToList();
        Assert.Equal(["?$select=id", "?$select=id&$skiptoken=100", "?$select=id&$skiptoken=200"], pages);
    }

    private static Client Client(string id, string team) => new(id, id, "tenant-" + id, team, "en", "Europe/London", "emergency-response", null,
        [new Person("aad-a", "Ann Approver")], [new Person("aad-alex", "Alex")]);

    /// <summary>Declares in its own conversation and returns the confirmation's text.</summary>
    private async Task<string> DeclareAsync(Client client, string conversation, string locale = "en-US")
    {
        await Host.Services.GetRequiredService<IClientDirectory>().UpsertAsync(client, default);
        var declare = TeamsActivities.Message(Host.Connector.ServiceUrl, $"declare P2 ddos client={client.Id} \"Shop offline\"", locale);
        declare["conversation"]!["id"] = conversation;
        declare["from"] = new JsonObject { ["id"] = "29:alex", ["name"] = "Alex", ["aadObjectId"] = "aad-alex" };

        await Host.PostAsync(declare);

        return (await Host.Connector.WaitForAsync(r => r.Path == Activities(conversation) && r.Body.Contains((string)declare["id"]!, StringComparison.Ordinal))).Body;
    }

    private async Task<string> WarningAsync(string conversation) =>
        Text(await Host.Connector.WaitForAsync(r => r.Path == Activities(conversation) && IsWarning(r)));

    private List<string> Warnings(string conversation) => [.. Host.Connector.Requests.Where(r => r.Path == Activities(conversation) && IsWarning(r)).Select(Text)];

    private static bool IsWarning(RecordedRequest r) => Text(r).Contains("1,000", StringComparison.Ordinal);

    private static string Text(RecordedRequest r) => r.Json.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    private static string Activities(string conversation) => $"/v3/conversations/{conversation}/activities";
}
