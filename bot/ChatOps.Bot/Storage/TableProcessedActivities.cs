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
    private const int MaxStoredResponse = 30_000;

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
            if (row.GetString("State") == Done)
                return new ClaimResult(false, true, row.GetString("InvokeResponse"));
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
        entity["InvokeResponse"] = invokeResponseJson is { Length: <= MaxStoredResponse } ? invokeResponseJson : null;
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    public async Task ReleaseAsync(Activity activity, CancellationToken ct)
    {
        var table = await tables.GetAsync("activities", ct);
        var entity = NewEntity(activity);
        await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, ct);
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
        };
    }
}
