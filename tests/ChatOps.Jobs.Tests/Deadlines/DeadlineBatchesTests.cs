using ChatOps.Testing;
using ChatOps.Incidents.Deadlines;
using ChatOps.Jobs.Deadlines;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOps.Jobs.Tests.Deadlines;

/// <summary>
/// The reconciler's batches on the real Hangfire storages, on the real clock: jobs stored as the client stores them,
/// none added twice (on PostgreSQL not even by a restarted host), each fired once and never early.
/// </summary>
public sealed class DeadlineBatchesTests : IAsyncLifetime
{
    private readonly string _schema = TestPostgres.NewSchema();
    private readonly RecordingHandler _handler = new(TimeProvider.System);
    private readonly MemoryFirings _firings = new(TimeProvider.System);
    private readonly List<IHost> _hosts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
        if (TestPostgres.ConnectionString is not null)
            await TestPostgres.DropSchemaAsync(_schema);
    }

    [Fact]
    public Task On_InMemory_a_batched_job_is_stored_like_one_the_client_schedules() => StoredLikeTheClientsAsync(postgres: false);

    [PostgreSqlFact]
    public Task On_PostgreSQL_a_batched_job_is_stored_like_one_the_client_schedules() => StoredLikeTheClientsAsync(postgres: true);

    [Fact]
    public Task On_InMemory_deadlines_already_scheduled_are_not_scheduled_again() => NotAgainAsync(postgres: false);

    [PostgreSqlFact]
    public Task On_PostgreSQL_a_restarted_host_does_not_schedule_the_kept_queue_again() => NotAgainAsync(postgres: true);

    [Fact]
    public Task On_InMemory_a_batch_fires_each_deadline_once_and_not_early() => FiresOnceAsync(postgres: false);

    [PostgreSqlFact]
    public Task On_PostgreSQL_a_batch_fires_each_deadline_once_and_not_early() => FiresOnceAsync(postgres: true);

    private async Task StoredLikeTheClientsAsync(bool postgres)
    {
        var host = await StartAsync(postgres);
        var dueAt = TimeProvider.System.GetUtcNow().AddHours(1);
        var single = new DeadlineJob(RecordingHandler.DefaultKind, "INC-2026-0300", "ack", "50%");
        var batched = single with { IncidentId = "INC-2026-0301" };

        await Scheduler(host).ScheduleAsync(single, dueAt, default);
        Assert.Equal(1, await Scheduler(host).ScheduleManyAsync([new(batched, dueAt)], default));

        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var ids = monitoring.ScheduledJobs(0, 10).ToDictionary(j => HangfireDeadlineScheduler.Deadline(j.Value.Job)!.Job, j => j.Key);
        var (expected, actual) = (monitoring.JobDetails(ids[single]), monitoring.JobDetails(ids[batched]));
        Assert.Equal(HangfireDeadlineScheduler.RunnerJob(batched, dueAt).Args.Take(5), actual.Job.Args.Take(5));
        Assert.Equal((expected.Job.Type, expected.Job.Method), (actual.Job.Type, actual.Job.Method));
        Assert.Equal(expected.Properties, actual.Properties); // the job's parameters (the captured culture)
        Assert.Equal(expected.ExpireAt, actual.ExpireAt); // kept until it has run, not expiring
        Assert.Null(actual.ExpireAt);
        var state = Assert.Single(actual.History);
        Assert.Equal((expected.History[0].StateName, expected.History[0].Reason), (state.StateName, state.Reason));
        Assert.Equal(expected.History[0].Data.Keys.Order(), state.Data.Keys.Order()); // EnqueueAt, ScheduledAt
        Assert.Equal(expected.History[0].Data["EnqueueAt"], state.Data["EnqueueAt"]); // the due time, to the millisecond
        Assert.InRange(dueAt.UtcDateTime - JobHelper.DeserializeDateTime(state.Data["EnqueueAt"]), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Superset(new HashSet<string> { ids[single], ids[batched] }, connection.GetAllItemsFromSet("schedule"));
    }

    private async Task NotAgainAsync(bool postgres)
    {
        // More than a chunk, so several chunks are made at once.
        var dueAt = TimeProvider.System.GetUtcNow().AddHours(1);
        var deadlines = Enumerable.Range(0, DeadlineBatches.ChunkSize + 50)
            .Select(i => new PendingDeadline(new(RecordingHandler.DefaultKind, $"INC-2026-{i:D4}", "ack", "50%"), dueAt.AddSeconds(i)))
            .ToList();
        var first = await StartAsync(postgres);
        Assert.Equal(deadlines.Count, await Scheduler(first).ScheduleManyAsync([.. deadlines, deadlines[0]], default));

        // On PostgreSQL the queue outlives the host: a new one reconciles the same deadlines against it.
        var second = postgres ? await RestartAsync(first) : first;
        var singly = new PendingDeadline(new(RecordingHandler.DefaultKind, "INC-2026-0900", "ack", "75%"), dueAt);
        await Scheduler(second).ScheduleAsync(singly.Job, singly.DueAt, default);
        var moved = deadlines[1] with { DueAt = deadlines[1].DueAt.AddMinutes(5) }; // a paused clock's new due time is another deadline
        Assert.Equal(1, await Scheduler(second).ScheduleManyAsync([.. deadlines, singly, moved], default));

        Assert.Equal(deadlines.Count + 2, second.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledCount());
    }

    private async Task FiresOnceAsync(bool postgres)
    {
        var host = await StartAsync(postgres);
        var now = TimeProvider.System.GetUtcNow();
        // Every fifth already overdue (by up to 40 minutes), the rest due within the next three seconds.
        var deadlines = Enumerable.Range(0, 40).Select(i => new PendingDeadline(
            new(RecordingHandler.DefaultKind, $"INC-2026-{i:D4}", "ack", "100%"), i % 5 == 0 ? now.AddMinutes(-i) : now.AddMilliseconds(1000 + (i * 50)))).ToList();

        Assert.Equal(deadlines.Count, await Scheduler(host).ScheduleManyAsync(deadlines, default));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (_handler.Calls.Count < deadlines.Count && !timeout.IsCancellationRequested)
            await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(2)); // time for a duplicate, were there one

        Assert.Equal(deadlines.Count, _handler.Calls.Count);
        foreach (var deadline in deadlines)
        {
            var call = Assert.Single(_handler.Calls, c => c.Job == deadline.Job);
            Assert.True(call.At >= deadline.DueAt, $"{deadline.Job} fired at {call.At:O}, before {deadline.DueAt:O}");
        }
    }

    private static IDeadlineScheduler Scheduler(IHost host) => host.Services.GetRequiredService<IDeadlineScheduler>();

    private async Task<IHost> RestartAsync(IHost host)
    {
        await host.StopAsync();
        return await StartAsync(postgres: true);
    }

    private async Task<IHost> StartAsync(bool postgres)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (postgres)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Jobs:Storage"] = "PostgreSql",
                ["Jobs:PostgreSqlConnectionString"] = TestPostgres.Require(),
                ["Jobs:PostgreSqlSchema"] = _schema,
            });
        }
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddSingleton<IDeadlineFirings>(_firings);
        builder.Services.AddSingleton<IDeadlineHandler>(_handler);
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }
}
