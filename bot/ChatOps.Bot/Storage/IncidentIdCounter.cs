using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Storage;

/// <summary>The per-year incident number in table "counters", advanced with ETag checks so two declarations never share one.</summary>
internal sealed class IncidentIdCounter(Tables tables)
{
    private const int MaxAttempts = 50;

    public async Task<string> NextAsync(int year, CancellationToken ct)
    {
        var table = await tables.GetAsync("counters", ct);
        var rowKey = year.ToString(CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>("incident-id", rowKey, cancellationToken: ct);
            try
            {
                if (!current.HasValue || current.Value is null)
                {
                    await table.AddEntityAsync(new TableEntity("incident-id", rowKey) { ["Last"] = 1L }, ct);
                    return IncidentId.Format(year, 1);
                }
                var next = current.Value.GetInt64("Last")!.Value + 1;
                current.Value["Last"] = next;
                await table.UpdateEntityAsync(current.Value, current.Value.ETag, TableUpdateMode.Replace, ct);
                return IncidentId.Format(year, next);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else took this number; read again.
            }
        }
        throw new InvalidOperationException($"Could not take an incident number for {year} after {MaxAttempts} attempts.");
    }
}
