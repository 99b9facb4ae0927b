using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Table "incidents", one partition per incident: a "meta" row with the state and one "evt|0000000123" row
/// per timeline event, written in one entity-group transaction guarded by the meta row's ETag.
/// </summary>
internal sealed class TableIncidentStore(Tables tables, IncidentIdCounter counter) : IIncidentStore
{
    private const string Meta = "meta";
    private const int MaxBatch = 99;

    /// <summary>Azure Tables keeps at most 32K UTF-16 characters in one string property: the state spans State, State1, State2, …, an event's data Data, Data1, ….</summary>
    private const int MaxPropertyChars = 30 * 1024;

    /// <summary>Chinese text as itself, not \uXXXX escapes: six times fewer characters against that limit.</summary>
    private static readonly JsonSerializerOptions StateJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<string> NextIdAsync(int year, CancellationToken ct) => counter.NextAsync(year, ct);

    public async Task<string> IdForDeclarationAsync(string declarationId, int year, CancellationToken ct)
    {
        var table = await tables.GetAsync("declarations", ct);
        var key = Key(declarationId);
        var bound = await table.GetEntityIfExistsAsync<TableEntity>("declaration", key, cancellationToken: ct);
        if (bound.HasValue && bound.Value is not null)
            return bound.Value.GetString("IncidentId");
        var id = await counter.NextAsync(year, ct);
        try
        {
            await table.AddEntityAsync(new TableEntity("declaration", key) { ["IncidentId"] = id, ["DeclarationId"] = declarationId }, ct);
            return id;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // A double click won the race; its number is the incident's, ours stays unused.
            return (await table.GetEntityAsync<TableEntity>("declaration", key, cancellationToken: ct)).Value.GetString("IncidentId");
        }
    }

    public async Task BindConversationAsync(string conversationId, string incidentId, CancellationToken ct)
    {
        var table = await tables.GetAsync("conversations", ct);
        await table.UpsertEntityAsync(new TableEntity("conversation", Key(conversationId)) { ["IncidentId"] = incidentId, ["ConversationId"] = conversationId }, TableUpdateMode.Replace, ct);
    }

    public async Task<string?> FindByConversationAsync(string conversationId, CancellationToken ct)
    {
        var table = await tables.GetAsync("conversations", ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>("conversation", Key(conversationId), cancellationToken: ct);
        return row.HasValue && row.Value is not null ? row.Value.GetString("IncidentId") : null;
    }

    /// <summary>Conversation ids hold characters keys forbid; the key is their hash.</summary>
    private static string Key(string id) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));

    public Task<StoredIncident> CreateAsync(Incident incident, IReadOnlyList<TimelineEvent> events, CancellationToken ct) =>
        CommitAsync(incident, events, TableTransactionActionType.Add, ETag.All, ct);

    public async Task<StoredIncident?> GetAsync(string incidentId, CancellationToken ct)
    {
        if (!TableKeys.IsValid(incidentId))
            return null;
        var table = await tables.GetAsync("incidents", ct);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(incidentId, Meta, cancellationToken: ct);
        if (!row.HasValue || row.Value is null)
            return null;
        return new StoredIncident(JsonSerializer.Deserialize<Incident>(ReadSpanning(row.Value, "State"))!, row.Value.ETag.ToString());
    }

    public Task<StoredIncident> SaveAsync(StoredIncident loaded, IReadOnlyList<TimelineEvent> events, CancellationToken ct) =>
        CommitAsync(loaded.Incident, events, TableTransactionActionType.UpdateReplace, new ETag(loaded.ETag), ct);

    public async Task<IReadOnlyList<TimelineEvent>> ReadTimelineAsync(string incidentId, CancellationToken ct)
    {
        var events = new List<TimelineEvent>();
        if (!TableKeys.IsValid(incidentId))
            return events;
        var table = await tables.GetAsync("incidents", ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {incidentId} and RowKey ge {"evt|"} and RowKey lt {"evt}"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            events.Add(new TimelineEvent(
                row.GetInt64("Sequence")!.Value, row.GetString("Type"), DateTimeOffset.Parse(row.GetString("At"), CultureInfo.InvariantCulture),
                row.GetString("Actor"), JsonNode.Parse(ReadSpanning(row, "Data"))!.AsObject(), row.GetString("PreviousHash"), row.GetString("Hash")));
        }
        return events;
    }

    public async IAsyncEnumerable<Incident> ListOpenAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var table = await tables.GetAsync("incidents", ct);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {Meta} and Closed eq {false}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            yield return JsonSerializer.Deserialize<Incident>(ReadSpanning(row, "State"))!;
    }

    private async Task<StoredIncident> CommitAsync(Incident incident, IReadOnlyList<TimelineEvent> events, TableTransactionActionType metaAction, ETag etag, CancellationToken ct)
    {
        if (events.Count > MaxBatch)
            throw new ArgumentOutOfRangeException(nameof(events), $"At most {MaxBatch} events commit with one change.");
        var table = await tables.GetAsync("incidents", ct);
        var meta = new TableEntity(incident.Id, Meta)
        {
            ["Version"] = incident.Version,
            ["ClientId"] = incident.ClientId,
            ["Phase"] = incident.Phase,
            ["Closed"] = incident.IsClosed,
        };
        WriteSpanning(meta, "State", JsonSerializer.Serialize(incident, StateJson));
        var actions = new List<TableTransactionAction> { new(metaAction, meta, etag) };
        actions.AddRange(events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventRow(incident.Id, e))));
        try
        {
            var response = await table.SubmitTransactionAsync(actions, ct);
            return new StoredIncident(incident, response.Value[0].Headers.ETag?.ToString() ?? "");
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyException(incident.Id);
        }
    }

    private static TableEntity EventRow(string incidentId, TimelineEvent e)
    {
        var row = new TableEntity(incidentId, string.Create(CultureInfo.InvariantCulture, $"evt|{e.Sequence:D10}"))
        {
            ["Sequence"] = e.Sequence,
            ["Type"] = e.Type,
            ["At"] = e.At.ToString("O", CultureInfo.InvariantCulture),
            ["Actor"] = e.Actor,
            ["PreviousHash"] = e.PreviousHash,
            ["Hash"] = e.Hash,
        };
        // A message posted in the channel is recorded whole, however long: its data spans Data, Data1, … like the state.
        WriteSpanning(row, "Data", e.Data.ToJsonString());
        return row;
    }

    private static void WriteSpanning(TableEntity row, string name, string value)
    {
        for (int start = 0, part = 0; start < value.Length; part++)
        {
            var length = Math.Min(MaxPropertyChars, value.Length - start);
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
                length--; // never split a surrogate pair between two properties
            row[part == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}{part}")] = value.Substring(start, length);
            start += length;
        }
    }

    private static string ReadSpanning(TableEntity row, string name)
    {
        var value = new StringBuilder(row.GetString(name));
        for (var part = 1; row.GetString(string.Create(CultureInfo.InvariantCulture, $"{name}{part}")) is { } more; part++)
            value.Append(more);
        return value.ToString();
    }
}
