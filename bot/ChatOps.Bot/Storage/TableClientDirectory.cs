using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using ChatOps.Incidents.Clients;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Table "clients": one row per client, its record as JSON. Every click needs its client, so a read is
/// kept for a minute: another instance's change to a client shows here within that minute.
/// </summary>
internal sealed class TableClientDirectory(Tables tables, TimeProvider time) : IClientDirectory
{
    private const string Partition = "client";
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (Client? Client, DateTimeOffset Until)> _read = new(StringComparer.Ordinal);

    public async Task<Client?> FindAsync(string clientId, CancellationToken ct)
    {
        var key = clientId.ToLowerInvariant();
        if (!TableKeys.IsValid(key))
            return null;
        if (_read.TryGetValue(key, out var kept) && kept.Until > time.GetUtcNow())
            return kept.Client;
        var table = await tables.GetAsync("clients", ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: ct);
        var client = row.HasValue && row.Value is not null ? Read(row.Value) : null;
        // An unknown client is not remembered: it may be stored any moment (at start, by the clients file).
        if (client is not null)
            _read[key] = (client, time.GetUtcNow() + Keep);
        return client;
    }

    public async Task<IReadOnlyList<Client>> ListAsync(CancellationToken ct)
    {
        var table = await tables.GetAsync("clients", ct);
        var clients = new List<Client>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
            clients.Add(Read(row));
        return clients;
    }

    public async Task UpsertAsync(Client client, CancellationToken ct)
    {
        var table = await tables.GetAsync("clients", ct);
        await table.UpsertEntityAsync(new TableEntity(Partition, client.Id.ToLowerInvariant())
        {
            ["Record"] = JsonSerializer.Serialize(client),
            ["TenantId"] = client.TenantId,
            ["TeamId"] = client.TeamId,
        }, TableUpdateMode.Replace, ct);
        _read.TryRemove(client.Id.ToLowerInvariant(), out _);
    }

    private static Client Read(TableEntity row) => JsonSerializer.Deserialize<Client>(row.GetString("Record"))!;
}
