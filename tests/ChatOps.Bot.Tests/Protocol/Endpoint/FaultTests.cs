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
    public async Task When_storage_is_down_the_turn_asks_for_a_retry_and_nothing_is_sent()
    {
        var activity = TeamsActivities.Message(down.Host.Connector.ServiceUrl, "help");

        var response = await down.Host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(down.Host.Connector.Requests);
    }
}
