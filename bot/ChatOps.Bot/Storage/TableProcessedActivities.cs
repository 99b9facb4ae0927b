using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Deduplication;

namespace ChatOps.Bot.Storage;

/// <summary>Processed activity ids in the table "activities": one row per (channel, conversation, activity id).</summary>
internal sealed class TableProcessedActivities(Tables tables, TimeProvider time) : IProcessedActivities
{
    private const string Processing = "processing";
    private const string Done = "done";
    /// <summary>A binary property holds at most 64 KiB; a larger answer is not kept (a redelivery is told the click is being handled).</summary>
    private const int MaxStoredResponse = 60_000;

    /// <summary>A claim left "processing" this long belongs to a turn that died; a redelivery may take it over.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task<ClaimResult> TryClaimAsync(Activity activity, CancellationToken ct)
    {
        var table = await tables.GetAsync("activities", ct);
        var entity = NewEntity(activity);
        try
        {
            await table.AddEntityAsync(entity, ct);
            return ClaimResult.New;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct);
            var row = existing.Value;
            // The storage client retried our own insert after a timeout (the first attempt had landed): still ours.
            if (row.GetString("State") == Processing && row.GetString("ClaimToken") == entity.GetString("ClaimToken"))
                return ClaimResult.New;
            if (row.GetString("State") == Done)
                return new ClaimResult(false, true, StoredResponse(row));
            if (row.GetDateTimeOffset("ClaimedAt") is { } at && time.GetUtcNow() - at > AbandonedAfter)
            {
                await table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, ct);
                return ClaimResult.New;
            }
            return new ClaimResult(false, false, null);
        }
    }

    public async Task CompleteAsync(Activity activity, string? invokeResponseJson, CancellationToken ct)
    {
        var table = await tables.GetAsync("activities", ct);
        var entity = NewEntity(activity);
        entity["State"] = Done;
        // Every click's answer is a whole card (kilobytes of JSON, kept for a redelivery): compressed, about a tenth of the storage.
        entity["InvokeResponseGzip"] = invokeResponseJson is null ? null : Compress(invokeResponseJson) is { Length: <= MaxStoredResponse } packed ? packed : null;
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    public async Task ReleaseAsync(Activity activity, CancellationToken ct)
    {
        var table = await tables.GetAsync("activities", ct);
        var entity = NewEntity(activity);
        await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, ct);
    }

    private static byte[] Compress(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(json));
        return buffer.ToArray();
    }

    /// <summary>The kept answer: compressed, or as text in rows written before answers were compressed.</summary>
    private static string? StoredResponse(TableEntity row)
    {
        if (row.GetBinary("InvokeResponseGzip") is not { } packed)
            return row.GetString("InvokeResponse");
        using var gzip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private TableEntity NewEntity(Activity activity)
    {
        // Ids may hold characters keys forbid (/ \ # ?), so the key is a hash; the ids stay readable as properties.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{activity.ChannelId}\n{activity.Conversation?.Id}\n{activity.Id}")));
        return new TableEntity(hash[..2], hash)
        {
            ["ActivityId"] = activity.Id,
            ["ConversationId"] = activity.Conversation?.Id,
            ["Type"] = activity.Type,
            ["State"] = Processing,
            ["ClaimedAt"] = time.GetUtcNow(),
            ["ClaimToken"] = Guid.NewGuid().ToString("N"),
        };
    }
}
