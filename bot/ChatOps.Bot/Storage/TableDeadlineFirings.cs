using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using ChatOps.Incidents.Deadlines;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Table "firings": one row per deadline occurrence, added when an instance claims it ("firing", so a second add
/// fails with 409) and marked "fired" after. A claim is identified by the row's ETag.
/// </summary>
internal sealed class TableDeadlineFirings(Tables tables, TimeProvider time) : IDeadlineFirings
{
    private const string Firing = "firing";
    private const string Fired = "fired";
    private const int MaxAttempts = 3;

    /// <summary>A claim still "firing" this long belongs to an instance that died mid-fire (a handler's posts may wait out Teams' Retry-After, up to 10 min).</summary>
    internal static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(15);

    public async Task<FiringClaim> TryClaimAsync(DeadlineJob job, CancellationToken ct)
    {
        var table = await tables.GetAsync("firings", ct);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var entity = NewEntity(job);
            try
            {
                var added = await table.AddEntityAsync(entity, ct);
                return new FiringClaim.Claimed(added.Headers.ETag.ToString()!);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct);
                if (!row.HasValue || row.Value is null)
                    continue; // released in between: claim again
                if (row.Value.GetString("State") == Fired)
                    return new FiringClaim.AlreadyFired();
                var abandonedAt = row.Value.GetDateTimeOffset("ClaimedAt")!.Value + AbandonedAfter;
                if (time.GetUtcNow() < abandonedAt)
                    return new FiringClaim.HeldElsewhere(abandonedAt);
                try
                {
                    var taken = await table.UpdateEntityAsync(entity, row.Value.ETag, TableUpdateMode.Replace, ct);
                    return new FiringClaim.Claimed(taken.Headers.ETag.ToString()!);
                }
                catch (RequestFailedException taken) when (taken.Status is 404 or 412)
                {
                    // Another instance took it over (or released it) first: look again.
                }
            }
        }
        return new FiringClaim.HeldElsewhere(time.GetUtcNow() + AbandonedAfter);
    }

    public async Task CompleteAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct)
    {
        var table = await tables.GetAsync("firings", ct);
        var entity = NewEntity(job);
        entity["State"] = Fired;
        entity["FiredAt"] = time.GetUtcNow();
        // Fails with 412 if the claim was taken over meanwhile (this instance counted as dead).
        await table.UpdateEntityAsync(entity, new ETag(claim.Token), TableUpdateMode.Merge, ct);
    }

    public async Task ReleaseAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct)
    {
        var table = await tables.GetAsync("firings", ct);
        var entity = NewEntity(job);
        try
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, new ETag(claim.Token), ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Someone else holds it now: theirs to fire.
        }
    }

    private TableEntity NewEntity(DeadlineJob job)
    {
        // Ids may hold characters keys forbid (/ \ # ?), so the key is a hash; the ids stay readable as properties.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(job.Key)));
        return new TableEntity(hash[..2], hash)
        {
            ["Kind"] = job.Kind,
            ["IncidentId"] = job.IncidentId,
            ["TargetId"] = job.TargetId,
            ["Occurrence"] = job.Occurrence,
            ["State"] = Firing,
            ["ClaimedAt"] = time.GetUtcNow(),
        };
    }
}
