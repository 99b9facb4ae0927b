using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Hosting;
using static ChatOps.Bot.Tests.Approvals.ApprovalHost;

namespace ChatOps.Bot.Tests.Approvals;

/// <summary><c>audit</c> in the incident thread: the client's copy of the approvals record, from Azurite's blob service.</summary>
public sealed class AuditTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly ApprovalHost _approvals = new(host);

    [Fact]
    public async Task Audit_posts_read_only_links_to_a_csv_and_a_json_with_the_proposal_hash_the_decision_and_the_stored_head()
    {
        var (id, thread) = await _approvals.OpenAsync("Audit trail");
        await _approvals.SubmitAsync(id, "CP-09");
        var request = (await _approvals.Store.GetAsync(id, default))!.Incident.FindApproval("APR-01")!;
        await _approvals.DecideAsync(Megan, id, request.Id, request.ProposalHash, "Approve", "Go, \"after\" the backup");
        var audit = _approvals.InThread(thread, "audit", Alex);

        await host.PostAsync(audit);

        var posted = await host.Connector.WaitForAsync(r => r.Body.Contains((string)audit["id"]!, StringComparison.Ordinal));
        var card = posted.Json.GetProperty("attachments")[0].GetProperty("content");
        var links = card.GetProperty("actions").EnumerateArray().Select(a => new Uri(a.GetProperty("url").GetString()!)).ToList();
        using var http = new HttpClient();
        using var csvResponse = await http.GetAsync(links[0]);
        var csv = await csvResponse.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains($",approval.decided,APR-01,CP-09,1,{request.ProposalHash},{Megan.AadObjectId},Megan Bowen,Approve,\"Go, \"\"after\"\" the backup\",{ContosoTenant},", text, StringComparison.Ordinal);
        var json = JsonNode.Parse(await http.GetStringAsync(links[1]))!;
        var stored = (await _approvals.Store.GetAsync(id, default))!.Incident;
        Assert.Equal(stored.TimelineHead, (string)json["timeline"]!["head"]!);
        Assert.True((bool)json["timeline"]!["chain"]!["intact"]!);
        Assert.Equal(request.ProposalHash, (string)json["requests"]![0]!["decisions"]![0]!["proposalHash"]!);
        Assert.Contains(stored.TimelineHead, card.GetRawText(), StringComparison.Ordinal);
        using var put = new HttpRequestMessage(HttpMethod.Put, links[0]) { Content = new ByteArrayContent([1]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var overwrite = await http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
    }
}

/// <summary>The bot with its tables on Azurite and its blob endpoint where nothing listens.</summary>
public sealed class BlobDownHost : IAsyncLifetime
{
    public BotHost Host { get; } = new();

    public Task InitializeAsync()
    {
        Host.Settings["Storage:ConnectionString"] =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        Host.Settings["Storage:MaxRetries"] = "0";
        return Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

public sealed class AuditStorageDownTests(BlobDownHost down) : IClassFixture<BlobDownHost>
{
    [Fact]
    public async Task When_blob_storage_is_down_audit_asks_to_try_again_and_posts_no_links()
    {
        var approvals = new ApprovalHost(down.Host);
        var (_, thread) = await approvals.OpenAsync("Nowhere to put it");
        var audit = approvals.InThread(thread, "audit", Alex);

        await down.Host.PostAsync(audit);

        var answer = await down.Host.Connector.WaitForAsync(r => r.Body.Contains((string)audit["id"]!, StringComparison.Ordinal));
        Assert.Equal("The audit export could not be stored, so no links were posted. Please try again in a minute.", answer.Json.GetProperty("text").GetString());
        Assert.False(answer.Json.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array);
        Assert.Single(down.Host.Connector.Requests, r => r.Body.Contains((string)audit["id"]!, StringComparison.Ordinal));
    }
}
