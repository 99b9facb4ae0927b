using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using static ChatOps.Bot.Tests.Approvals.ApprovalHost;

namespace ChatOps.Bot.Tests.Telemetry;

/// <summary>The bot with its tables on Azurite, its blob endpoint where nothing listens, and one storage retry allowed.</summary>
public sealed class BlobDownOneRetryHost : IAsyncLifetime
{
    public BotHost Host { get; } = new();

    public Task InitializeAsync()
    {
        Host.Settings["Storage:ConnectionString"] =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        Host.Settings["Storage:MaxRetries"] = "1";
        return Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

public sealed class StorageRetryTelemetryTests(BlobDownOneRetryHost down) : IClassFixture<BlobDownOneRetryHost>
{
    [Fact]
    public async Task A_storage_call_the_sdk_retries_is_counted_against_storage_with_the_failure_that_caused_it()
    {
        using var metrics = new MetricRecorder(down.Host.Services);
        var approvals = new ApprovalHost(down.Host);
        var (_, thread) = await approvals.OpenAsync("Retried export");
        var audit = approvals.InThread(thread, "audit", Alex);

        await down.Host.PostAsync(audit);

        await down.Host.Connector.WaitForAsync(r => r.Body.Contains((string)audit["id"]!, StringComparison.Ordinal));
        var retry = await metrics.WaitForAsync("chatops.outbound.retries", r => (string?)r["chatops.outbound.target"] == "storage");
        Assert.Equal("Azure.RequestFailedException", retry["error.type"]);
        Assert.DoesNotContain(metrics.Of("chatops.outbound.retries"), r => (string?)r["chatops.outbound.target"] == "connector");
    }
}
