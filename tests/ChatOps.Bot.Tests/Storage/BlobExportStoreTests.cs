using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Tests.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>Exports on Azurite's blob service: a private container per table prefix, links that read and expire.</summary>
public sealed class BlobExportStoreTests
{
    private readonly string _prefix = "Ex" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_file_is_kept_in_a_private_container_named_after_the_prefix_and_its_link_reads_it_until_the_configured_time()
    {
        var now = TimeProvider.System.GetUtcNow();
        var store = Store(new FakeTimeProvider(now), TimeSpan.FromHours(2));

        var link = await store.SaveAsync("INC-2026-0042", "INC-2026-0042-audit.csv", "text/csv; charset=utf-8", "a,b\r\n"u8.ToArray(), default);

        Assert.Equal(now + TimeSpan.FromHours(2), link.ExpiresAt);
        Assert.StartsWith($"http://127.0.0.1:10000/devstoreaccount1/{_prefix.ToLowerInvariant()}-exports/INC-2026-0042/", link.Url.AbsoluteUri, StringComparison.Ordinal);
        using var http = new HttpClient();
        using var response = await http.GetAsync(link.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a,b\r\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("INC-2026-0042-audit.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var container = new BlobServiceClient(BotHost.StorageConnection).GetBlobContainerClient(_prefix.ToLowerInvariant() + "-exports");
        Assert.Equal(PublicAccessType.None, (await container.GetAccessPolicyAsync()).Value.BlobPublicAccess);
        using var anonymous = await http.GetAsync(new UriBuilder(link.Url) { Query = "" }.Uri);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_link_stops_working_when_its_time_is_up()
    {
        var store = Store(new FakeTimeProvider(TimeProvider.System.GetUtcNow() - TimeSpan.FromHours(3)), TimeSpan.FromHours(2));

        var link = await store.SaveAsync("INC-2026-0043", "old.json", "application/json", "{}"u8.ToArray(), default);

        using var http = new HttpClient();
        using var response = await http.GetAsync(link.Url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private BlobExportStore Store(TimeProvider time, TimeSpan validity) => new(
        Options.Create(new StorageOptions { ConnectionString = BotHost.StorageConnection, TablePrefix = _prefix, ExportLinkValidity = validity }), time, ChatOps.Bot.Tests.Telemetry.TestMetrics.New());
}
