using Azure.Data.Tables;
using ChatOps.Bot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Bot.Health;

/// <summary>Ready when Azure Tables answers a read of the incidents table.</summary>
internal sealed class TablesHealthCheck(Tables tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var table = await tables.GetAsync("incidents", cancellationToken);
            await foreach (var _ in table.QueryAsync<TableEntity>("PartitionKey eq 'health'", maxPerPage: 1, cancellationToken: cancellationToken).AsPages())
                break;
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (StorageFailure.Is(e) || e is Azure.Identity.AuthenticationFailedException)
        {
            return HealthCheckResult.Unhealthy("Azure Tables is unreachable.", e);
        }
    }
}

/// <summary>Ready when Blob storage answers for the exports container (reports, audit files).</summary>
internal sealed class BlobHealthCheck(BlobExportStore exports) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await exports.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (StorageFailure.Is(e) || e is Azure.Identity.AuthenticationFailedException)
        {
            return HealthCheckResult.Unhealthy("Blob storage is unreachable.", e);
        }
    }
}
