using ChatOps.Incidents.Deadlines;
using ChatOps.Jobs.Deadlines;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire polls for due scheduled jobs this often (its default, 15 s, lets a reminder run up to 15 s late).</summary>
    internal static readonly TimeSpan SchedulePolling = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A Hangfire server on the configured storage, the deadline scheduler and runner, and the reconciler that
    /// re-creates the schedule from the registered <see cref="IDeadlineSource"/>s at start and whenever asked through
    /// <see cref="IDeadlineSweeps"/> (a scheduling that failed). The feature code registers
    /// its <see cref="IDeadlineHandler"/>s and sources; the host registers <see cref="IDeadlineFirings"/>.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // This host's own storage and activator rather than Hangfire's process-wide JobStorage.Current and
        // JobActivator.Current, so two hosts in one process (the tests) never run each other's jobs.
        services.AddSingleton(sp => HangfireStorage.Create(sp.GetRequiredService<IOptions<JobsOptions>>().Value));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer((sp, server) =>
        {
            server.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount;
            server.SchedulePollingInterval = SchedulePolling;
        });

        services.AddSingleton<PostgreSqlScheduledJobs>();
        services.AddSingleton<DeadlineBatches>();
        services.AddSingleton<HangfireDeadlineScheduler>();
        services.AddSingleton<IDeadlineScheduler>(sp => sp.GetRequiredService<HangfireDeadlineScheduler>());
        services.AddScoped<DeadlineRunner>();
        services.AddSingleton<DeadlineSweepRequests>();
        services.AddSingleton<IDeadlineSweeps>(sp => sp.GetRequiredService<DeadlineSweepRequests>());
        services.AddHostedService<DeadlineReconciler>();
        services.AddHealthChecks().AddCheck<Health.JobStorageHealthCheck>("jobs", tags: ["ready"]); // the host's /readyz tag
        return services;
    }
}
