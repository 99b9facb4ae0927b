using ChatOps.Testing;
using System.Collections.Concurrent;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Deadlines;
using ChatOps.Jobs;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOps.Bot.Tests.Jobs;

/// <summary>
/// One bot instance's job side as the bot wires it (AddBotStorage + AddJobs): Hangfire on the shared PostgreSQL
/// schema, firings in the shared Azurite tables, a handler that writes every firing into the shared <see cref="FiringLog"/>.
/// </summary>
internal sealed class JobInstance(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public static async Task<JobInstance> StartAsync(string name, string schema, string tablePrefix, FiringLog log, IDeadlineSource? source = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:Storage"] = "PostgreSql",
            ["Jobs:PostgreSqlConnectionString"] = TestPostgres.Require(),
            ["Jobs:PostgreSqlSchema"] = schema,
            ["Storage:ConnectionString"] = BotHost.StorageConnection,
            ["Storage:TablePrefix"] = tablePrefix,
        });
        builder.Services.AddBotStorage(builder.Configuration);
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddSingleton<IDeadlineHandler>(new LoggingHandler(name, log));
        if (source is not null)
            builder.Services.AddSingleton(source);
        var host = builder.Build();
        await host.StartAsync();
        return new JobInstance(host);
    }

    /// <summary>Whether Hangfire has nothing left to run now: none enqueued or processing, none scheduled within a minute.</summary>
    public bool QueueIsQuiet()
    {
        var monitoring = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var soon = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(1);
        return monitoring.EnqueuedCount("default") == 0 && monitoring.ProcessingCount() == 0 &&
            monitoring.ScheduledJobs(0, 10_000).All(j => j.Value.EnqueueAt > soon);
    }

    /// <summary>What Hangfire holds, for a failure message.</summary>
    public string QueueState()
    {
        var monitoring = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var failed = monitoring.FailedJobs(0, 3).Select(j => j.Value.ExceptionMessage);
        return $"enqueued {monitoring.EnqueuedCount("default")}, processing {monitoring.ProcessingCount()}, scheduled {monitoring.ScheduledCount()}, " +
            $"failed {monitoring.FailedCount()} ({string.Join("; ", failed)}), retries {monitoring.ScheduledJobs(0, 10_000).Count(j => j.Value.InScheduledState && j.Value.EnqueueAt < TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(1))}";
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private sealed class LoggingHandler(string instance, FiringLog log) : IDeadlineHandler
    {
        public string Kind => "sla-reminder";

        public async Task HandleAsync(DeadlineJob job, TimeSpan lateBy, CancellationToken ct)
        {
            log.Add(job, instance, TimeProvider.System.GetUtcNow(), lateBy);
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct); // a post to Teams takes a while: the other instance's workers get their share
        }
    }
}

/// <summary>Every firing of every instance.</summary>
internal sealed class FiringLog
{
    private readonly ConcurrentDictionary<DeadlineJob, ConcurrentQueue<(string Instance, DateTimeOffset At, TimeSpan LateBy)>> _firings = new();

    public IReadOnlyDictionary<DeadlineJob, ConcurrentQueue<(string Instance, DateTimeOffset At, TimeSpan LateBy)>> Firings => _firings;

    public void Add(DeadlineJob job, string instance, DateTimeOffset at, TimeSpan lateBy) =>
        _firings.GetOrAdd(job, _ => new()).Enqueue((instance, at, lateBy));
}
