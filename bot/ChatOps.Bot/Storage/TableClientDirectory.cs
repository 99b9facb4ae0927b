using System.Text.Json;
using Azure.Data.Tables;
using ChatOps.Incidents.Clients;

namespace ChatOps.Bot.Storage;

/// <summary>Table "clients": one row per client, its record as JSON.</summary>
internal sealed class TableClientDirectory(Tables tables) : IClientDirectory
{
    private const string Partition = "client";

    public async Task<Client?> FindAsync(string clientId, CancellationToken ct)
    {
        var table = await tables.GetAsync("clients", ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, clientId.ToLowerInvariant(), cancellationToken: ct);
        return row.HasValue && row.Value is not null ? Read(row.Value) : null;
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
    }

    private static Client Read(TableEntity row) => JsonSerializer.Deserialize<Client>(row.GetString("Record"))!;
}
