using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Jobs.Health;

/// <summary>Ready when Hangfire's storage answers (PostgreSQL reachable, or the in-memory queue).</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Hangfire's storage API is synchronous: off the request thread.
            var scheduled = await Task.Run(() => storage.GetMonitoringApi().ScheduledCount(), cancellationToken);
            return HealthCheckResult.Healthy($"{scheduled} scheduled jobs");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Hangfire storage is unreachable.", e);
        }
    }
}
