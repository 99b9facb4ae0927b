using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using ChatOps.Incidents.Deadlines;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Table "firings": one row per deadline occurrence, added when an instance claims it ("firing", so a second add
/// fails with 409) and marked "fired" after. A claim is identified by the row's ETag and holds until its "LeaseUntil",
/// which the firing instance moves on while its handler runs.
/// </summary>
internal sealed class TableDeadlineFirings(Tables tables, TimeProvider time) : IDeadlineFirings
{
    private const string Firing = "firing";
    private const string Fired = "fired";
    private const int MaxAttempts = 3;

    /// <summary>
    /// Short, so the claim of an instance that died mid-fire is taken over within a minute; a live one renews it
    /// (its handler's posts may wait out Teams' Retry-After, up to 10 min).
    /// </summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>A claim without a lease, from a version that did not renew its claims, counts as abandoned only after this.</summary>
    private static readonly TimeSpan UnleasedAbandonedAfter = TimeSpan.FromMinutes(15);

    public async Task<FiringClaim> TryClaimAsync(DeadlineJob job, CancellationToken ct)
    {
        var table = await tables.GetAsync("firings", ct);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var entity = NewEntity(job);
            try
            {
                return Claim(await table.AddEntityAsync(entity, ct), entity);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct);
                if (!row.HasValue || row.Value is null)
                    continue; // released in between: claim again
                if (row.Value.GetString("State") == Fired)
                    return new FiringClaim.AlreadyFired();
                var leaseUntil = row.Value.GetDateTimeOffset("LeaseUntil") ?? row.Value.GetDateTimeOffset("ClaimedAt")!.Value + UnleasedAbandonedAfter;
                if (time.GetUtcNow() < leaseUntil)
                    return new FiringClaim.HeldElsewhere(leaseUntil);
                try
                {
                    return Claim(await table.UpdateEntityAsync(entity, row.Value.ETag, TableUpdateMode.Replace, ct), entity);
                }
                catch (RequestFailedException taken) when (taken.Status is 404 or 412)
                {
                    // Another instance took it over (or released it) first: look again.
                }
            }
        }
        return new FiringClaim.HeldElsewhere(time.GetUtcNow() + Lease);
    }

    public async Task<FiringClaim.Claimed?> RenewAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct)
    {
        var table = await tables.GetAsync("firings", ct);
        var key = NewEntity(job);
        var lease = new TableEntity(key.PartitionKey, key.RowKey) { ["LeaseUntil"] = time.GetUtcNow() + Lease };
        try
        {
            return Claim(await table.UpdateEntityAsync(lease, new ETag(claim.Token), TableUpdateMode.Merge, ct), lease);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    public async Task CompleteAsync(DeadlineJob job, FiringClaim.Claimed claim, CancellationToken ct)
    {
        var table = await tables.GetAsync("firings", ct);
        var entity = NewEntity(job);
        entity["State"] = Fired;
        entity["FiredAt"] = time.GetUtcNow();
        // Fails with 412 if the claim was taken over meanwhile (its lease ran out unrenewed).
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

    /// <summary>The claim the written row stands for: its new ETag, and the lease written with it.</summary>
    private static FiringClaim.Claimed Claim(Response written, TableEntity entity) =>
        new(written.Headers.ETag.ToString()!, entity.GetDateTimeOffset("LeaseUntil")!.Value);

    private TableEntity NewEntity(DeadlineJob job)
    {
        // Ids may hold characters keys forbid (/ \ # ?), so the key is a hash; the ids stay readable as properties.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(job.Key)));
        var now = time.GetUtcNow();
        return new TableEntity(hash[..2], hash)
        {
            ["Kind"] = job.Kind,
            ["IncidentId"] = job.IncidentId,
            ["TargetId"] = job.TargetId,
            ["Occurrence"] = job.Occurrence,
            ["State"] = Firing,
            ["ClaimedAt"] = now,
            ["LeaseUntil"] = now + Lease,
        };
    }
}
