using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;

namespace ChatOps.Bot.Tests.Health;

/// <summary><c>/healthz</c> and <c>/readyz</c> over real HTTP, anonymous, with real Azurite and the in-memory job queue.</summary>
public sealed class HealthTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task Alive_and_ready_when_tables_blob_and_the_job_queue_answer()
    {
        using var alive = await host.Client.GetAsync("/healthz");
        using var ready = await host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!.AsObject();
        Assert.Equal(["blob", "jobs", "tables"], checks.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.Equal("Healthy", (string?)c.Value!["status"]));
    }
}

/// <summary>Blob storage unreachable: still alive, not ready, and the answer names the part that is down without its secrets.</summary>
public sealed class NotReadyTests(BlobDownHost blobDown) : IClassFixture<BlobDownHost>
{
    [Fact]
    public async Task Not_ready_names_blob_storage_and_keeps_the_connection_string_out()
    {
        using var alive = await blobDown.Host.Client.GetAsync("/healthz");
        using var ready = await blobDown.Host.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        var checks = JsonNode.Parse(body)!["checks"]!;
        Assert.Equal(("Unhealthy", "Healthy"), ((string?)checks["blob"]!["status"], (string?)checks["tables"]!["status"]));
        Assert.DoesNotContain("AccountKey", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Eby8vdM02x", body, StringComparison.Ordinal);
    }
}
