using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using ChatOps.Incidents.Rotations;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Table "rotations": partition "rotation" holds each rotation's definition, "policy" each escalation policy, and
/// "override" each override added by command, apart from the definitions so that a new rotations file keeps them.
/// </summary>
internal sealed partial class TableRotationStore(Tables tables, TimeProvider time) : IRotationStore
{
    private const string Table = "rotations";
    private const string Rotations = "rotation";
    private const string Policies = "policy";
    private const string Overrides = "override";

    /// <summary>Overrides over for longer than this no longer change who is on call or next; they stay in the table, unread.</summary>
    private static readonly TimeSpan KeepEnded = TimeSpan.FromDays(31);

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<IReadOnlyList<Rotation>> ListAsync(CancellationToken ct)
    {
        var table = await tables.GetAsync(Table, ct);
        var overrides = await OverridesAsync(table, null, ct);
        var rotations = new List<Rotation>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Rotations, cancellationToken: ct))
            rotations.Add(Read<Rotation>(row) with { Overrides = [.. overrides[row.RowKey]] });
        return rotations;
    }

    public async Task<Rotation?> FindAsync(string rotationId, CancellationToken ct)
    {
        if (Key(rotationId) is not { } key)
            return null;
        var table = await tables.GetAsync(Table, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Rotations, key, cancellationToken: ct);
        return row.HasValue && row.Value is not null ? Read<Rotation>(row.Value) with { Overrides = [.. (await OverridesAsync(table, key, ct))[key]] } : null;
    }

    public async Task<IReadOnlyList<EscalationPolicy>> ListPoliciesAsync(CancellationToken ct)
    {
        var table = await tables.GetAsync(Table, ct);
        var policies = new List<EscalationPolicy>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Policies, cancellationToken: ct))
            policies.Add(Read<EscalationPolicy>(row));
        return policies;
    }

    public async Task<EscalationPolicy?> FindPolicyAsync(string policyId, CancellationToken ct)
    {
        if (Key(policyId) is not { } key)
            return null;
        var table = await tables.GetAsync(Table, ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Policies, key, cancellationToken: ct);
        return row.HasValue && row.Value is not null ? Read<EscalationPolicy>(row.Value) : null;
    }

    public async Task UpsertAsync(Rotation rotation, CancellationToken ct)
    {
        var table = await tables.GetAsync(Table, ct);
        await table.UpsertEntityAsync(new TableEntity(Rotations, Key(rotation.Id) ?? throw new ArgumentException($"'{rotation.Id}' cannot be a key.", nameof(rotation)))
        {
            ["Name"] = rotation.Name,
            ["TimeZone"] = rotation.TimeZone,
            ["Record"] = JsonSerializer.Serialize(rotation with { Overrides = [] }, Json),
        }, TableUpdateMode.Replace, ct);
    }

    public async Task UpsertAsync(EscalationPolicy policy, CancellationToken ct)
    {
        var table = await tables.GetAsync(Table, ct);
        await table.UpsertEntityAsync(new TableEntity(Policies, Key(policy.Id) ?? throw new ArgumentException($"'{policy.Id}' cannot be a key.", nameof(policy)))
        {
            ["Name"] = policy.Name,
            ["Record"] = JsonSerializer.Serialize(policy, Json),
        }, TableUpdateMode.Replace, ct);
    }

    public async Task AddOverrideAsync(string rotationId, RotationOverride added, CancellationToken ct)
    {
        var key = Key(rotationId) ?? throw new ArgumentException($"'{rotationId}' cannot be a key.", nameof(rotationId));
        // The same person over the same interval is one row, however often it is added.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{added.Person.AadObjectId}\n{added.From.UtcTicks}\n{added.To.UtcTicks}")))[..24];
        var table = await tables.GetAsync(Table, ct);
        await table.UpsertEntityAsync(new TableEntity(Overrides, $"{key}|{hash}")
        {
            ["RotationId"] = key,
            ["To"] = added.To,
            ["AddedAt"] = added.AddedAt,
            ["Record"] = JsonSerializer.Serialize(added, Json),
        }, TableUpdateMode.Replace, ct);
    }

    /// <summary>The overrides still of use by rotation id, in the order they were added (the later one wins an overlap).</summary>
    private async Task<ILookup<string, RotationOverride>> OverridesAsync(TableClient table, string? rotationId, CancellationToken ct)
    {
        var since = time.GetUtcNow() - KeepEnded;
        var filter = rotationId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Overrides} and To ge {since}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Overrides} and RotationId eq {rotationId} and To ge {since}");
        var rows = new List<(string RotationId, RotationOverride Override)>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            rows.Add((row.GetString("RotationId"), Read<RotationOverride>(row)));
        return rows.OrderBy(r => r.Override.AddedAt).ToLookup(r => r.RotationId, r => r.Override);
    }

    private static T Read<T>(TableEntity row) => JsonSerializer.Deserialize<T>(row.GetString("Record"), Json)!;

    /// <summary>Ids are lower-case letters, digits and dashes (the file checks it); anything else, typed in a command, finds nothing.</summary>
    private static string? Key(string id) => IdPattern().IsMatch(id.ToLowerInvariant()) ? id.ToLowerInvariant() : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();
}
