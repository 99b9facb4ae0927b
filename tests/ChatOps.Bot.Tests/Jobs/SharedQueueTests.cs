using ChatOps.Testing;
using ChatOps.Incidents.Deadlines;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Jobs;

/// <summary>
/// Two bot instances on one real PostgreSQL queue (a schema per test) and one Azurite firings table: every
/// deadline fires exactly once, never before its due time, however the instances share or duplicate the work.
/// </summary>
public sealed class SharedQueueTests : IAsyncLifetime
{
    private const int Count = 50;
    private readonly string _schema = TestPostgres.NewSchema();
    private readonly string _tablePrefix = "q" + Guid.NewGuid().ToString("N")[..12];
    private readonly FiringLog _log = new();
    private readonly List<JobInstance> _instances = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
            await instance.DisposeAsync();
        if (TestPostgres.ConnectionString is not null)
            await TestPostgres.DropSchemaAsync(_schema);
    }

    /// <summary>Fifty reminders: every fifth already overdue (by up to an hour), the rest due within the next three seconds.</summary>
    private static PendingDeadline[] Deadlines(DateTimeOffset now) => [.. Enumerable.Range(0, Count).Select(i => new PendingDeadline(
        new DeadlineJob("sla-reminder", $"INC-2026-{i:D4}", "ack", "75%"),
        i % 5 == 0 ? now.AddMinutes(-i) : now.AddMilliseconds(500 + (i * 50))))];

    private async Task StartTwoAsync(IDeadlineSource? source = null)
    {
        var started = await Task.WhenAll(
            JobInstance.StartAsync("a", _schema, _tablePrefix, _log, source),
            JobInstance.StartAsync("b", _schema, _tablePrefix, _log, source));
        _instances.AddRange(started);
    }

    [PostgreSqlFact]
    public async Task Two_instances_on_one_PostgreSQL_queue_fire_each_of_50_deadlines_exactly_once_and_not_early()
    {
        await StartTwoAsync();
        var deadlines = Deadlines(TimeProvider.System.GetUtcNow());

        // Each instance schedules half, as each would for the incidents its turns changed.
        for (var i = 0; i < Count; i++)
            await _instances[i % 2].Services.GetRequiredService<IDeadlineScheduler>().ScheduleAsync(deadlines[i].Job, deadlines[i].DueAt, default);
        await WaitUntilAllFiredAndQuietAsync();

        AssertEachFiredOnceNotEarly(deadlines);
        Assert.Equal(["a", "b"], _log.Firings.Values.SelectMany(f => f).Select(f => f.Instance).Distinct().Order());
    }

    [PostgreSqlFact]
    public async Task Two_instances_that_both_reconcile_the_same_50_deadlines_at_start_still_fire_each_exactly_once()
    {
        var deadlines = Deadlines(TimeProvider.System.GetUtcNow().AddSeconds(2));

        await StartTwoAsync(new Source(deadlines));
        await WaitUntilAllFiredAndQuietAsync();

        AssertEachFiredOnceNotEarly(deadlines);
    }

    private async Task WaitUntilAllFiredAndQuietAsync()
    {
        // Seconds normally; the budget leaves room for one Hangfire retry (16-45 s) after a passing storage fault.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (_log.Firings.Count < Count || !_instances.All(i => i.QueueIsQuiet()))
        {
            Assert.False(timeout.IsCancellationRequested, $"after 90 s: {_log.Firings.Count} of {Count} deadlines fired; Hangfire: {_instances[0].QueueState()}");
            await Task.Delay(200);
        }
    }

    private void AssertEachFiredOnceNotEarly(PendingDeadline[] deadlines)
    {
        Assert.Equal(Count, _log.Firings.Count);
        foreach (var deadline in deadlines)
        {
            var firing = Assert.Single(_log.Firings[deadline.Job]);
            Assert.True(firing.At >= deadline.DueAt, $"{deadline.Job} fired at {firing.At:O}, before {deadline.DueAt:O}");
            Assert.InRange(firing.LateBy, firing.At - deadline.DueAt - TimeSpan.FromSeconds(1), firing.At - deadline.DueAt);
        }
    }

    private sealed class Source(IReadOnlyList<PendingDeadline> pending) : IDeadlineSource
    {
        public Task<IReadOnlyList<PendingDeadline>> ListPendingAsync(CancellationToken ct) => Task.FromResult(pending);
    }
}
