using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using ChatOps.Testing;

namespace ChatOps.Benchmarks.Load;

/// <summary>What every scenario shares: the fake channel issuer, the fake connector, the activities, and this run's tables.</summary>
internal sealed class BenchmarkRig : IAsyncDisposable
{
    private BenchmarkRig(FakeOpenIdIssuer issuer, FakeBotConnector connector, string runTag)
    {
        Issuer = issuer;
        Connector = connector;
        TablePrefix = "bench" + runTag;
        Activities = new SignedActivities(issuer, connector.ServiceUrl, runTag, Time);
    }

    public TimeProvider Time { get; } = TimeProvider.System;

    public FakeOpenIdIssuer Issuer { get; }

    public FakeBotConnector Connector { get; }

    /// <summary>Unique per run, so runs never see each other's rows; each set of hosts adds its own suffix.</summary>
    public string TablePrefix { get; }

    public SignedActivities Activities { get; }

    public StageClock Stages { get; } = new();

    public static async Task<BenchmarkRig> StartAsync()
    {
        var issuer = await FakeOpenIdIssuer.StartAsync();
        var connector = await FakeBotConnector.StartAsync();
        return new BenchmarkRig(issuer, connector, RandomNumberGenerator.GetHexString(8, lowercase: true));
    }

    /// <summary>One help turn, checked end to end (200 and a card at the connector) before any load; returns what the connector got.</summary>
    public async Task<byte[]> PrimeAsync(Uri endpoint)
    {
        Connector.Clear();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = Activities.NextRequest(endpoint);
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{endpoint} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var posted = Connector.Requests.SingleOrDefault(r => r.Method == "POST" && r.Path.Contains(SignedActivities.ConversationId, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{endpoint} answered 200 but posted nothing to the connector.");
        if (!posted.Body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
            throw new InvalidOperationException($"{endpoint} posted no card: {posted.Body}");
        return Encoding.UTF8.GetBytes(posted.Body);
    }

    /// <summary>Drops the tables whose names start with the prefix (Azure Tables names are case-insensitive, Azurite keeps them as given).</summary>
    public async Task DropTablesAsync(string prefix)
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        await foreach (var table in service.QueryAsync(filter: $"TableName ge '{prefix}' and TableName lt '{prefix}~'"))
            await service.DeleteTableAsync(table.Name);
    }

    public async ValueTask DisposeAsync()
    {
        // Leave Azurite as we found it.
        await DropTablesAsync(TablePrefix);
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
