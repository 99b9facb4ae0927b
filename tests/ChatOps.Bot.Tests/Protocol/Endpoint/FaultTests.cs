using System.Net;
using ChatOps.Bot.Tests.Hosting;

namespace ChatOps.Bot.Tests.Protocol.Endpoint;

public sealed class FaultTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task When_Teams_fails_the_turn_asks_for_a_retry_and_the_retry_is_answered()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var id = (string)activity["id"]!;
        host.Connector.FailNext(500);

        var failed = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.False(await host.WasRecordedAsync(id));

        var retried = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Single(host.Connector.Requests, r => r.Body.Contains(id, StringComparison.Ordinal) && r.Status == 201);
        Assert.True(await host.WasRecordedAsync(id));
    }
}

/// <summary>The bot pointed at a storage endpoint where nothing listens.</summary>
public sealed class StorageDownHost : IAsyncLifetime
{
    public BotHost Host { get; } = new();

    public Task InitializeAsync()
    {
        Host.Settings["Storage:ConnectionString"] =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        Host.Settings["Storage:MaxRetries"] = "0";
        return Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

public sealed class StorageDownTests(StorageDownHost down) : IClassFixture<StorageDownHost>
{
    [Fact]
    public async Task When_storage_is_down_a_person_is_told_to_retry_and_nothing_is_recorded()
    {
        var activity = TeamsActivities.Message(down.Host.Connector.ServiceUrl, "declare P1 ddos client=contoso \"Site down\"");

        var response = await down.Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var told = await down.Host.Connector.WaitForAsync(r => r.Body.Contains((string)activity["id"]!, StringComparison.Ordinal));
        Assert.Contains("try again", told.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(down.Host.Connector.Requests, r => r.Path == "/v3/conversations");
    }

    [Fact]
    public async Task When_storage_is_down_a_click_is_answered_with_an_error_to_retry()
    {
        var click = TeamsActivities.Execute(down.Host.Connector.ServiceUrl, new System.Text.Json.Nodes.JsonObject { ["verb"] = "help.show", ["language"] = "en" });

        var response = await down.Host.PostAsync(click);

        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(503, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task When_storage_is_down_a_channel_message_not_for_the_bot_is_left_for_the_channel_to_redeliver()
    {
        var activity = TeamsActivities.ChannelMessage(down.Host.Connector.ServiceUrl, "just chatting", mention: false);

        var response = await down.Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
