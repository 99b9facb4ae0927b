using ChatOps.Incidents.Deadlines;
using ChatOps.Testing;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ChatOps.Jobs.Tests.Deadlines;

/// <summary>
/// A process killed (or cut off from PostgreSQL) while Hangfire's delayed-job scheduler held its lock leaves the lock's
/// row behind. Found by the fault drill: with Hangfire.PostgreSql's default expiry (10 minutes) 183 SLA breach reminders
/// that fell due after such a restart fired up to 591 s late.
/// </summary>
public sealed class OrphanedLockTests : IAsyncLifetime
{
    private readonly string _schema = TestPostgres.NewSchema();
    private readonly RecordingHandler _handler = new(TimeProvider.System);
    private IHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is null)
            return;
        await _host.StopAsync();
        _host.Dispose();
        await TestPostgres.DropSchemaAsync(_schema);
    }

    [PostgreSqlFact]
    public async Task A_scheduler_lock_left_by_a_dead_process_a_minute_and_a_half_ago_does_not_hold_deadlines_back()
    {
        _host = PostgreSqlJobsHost.Build(_schema, _handler);
        _host.Services.GetRequiredService<JobStorage>(); // creates the schema; the dead process's lock goes in before our server starts
        await LeaveLockAsync("locks:schedulepoller", acquiredAgo: HangfireStorage.LockExpiry + TimeSpan.FromSeconds(30));
        await _host.StartAsync();

        var job = new DeadlineJob(RecordingHandler.DefaultKind, "INC-2026-0500", "respond", "100%");
        await _host.Services.GetRequiredService<IDeadlineScheduler>().ScheduleAsync(job, TimeProvider.System.GetUtcNow().AddSeconds(2), default);

        // Through the scheduled set, so the delayed-job scheduler must take its lock; it polls every second.
        var fired = await Task.WhenAny(_handler.FirstCall.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(fired == _handler.FirstCall.Task,
            "The deadline did not fire within 30 s: the scheduler is still waiting for the dead process's lock to expire.");
        Assert.Equal(job, Assert.Single(_handler.Calls).Job);
    }

    /// <summary>The row a holder that never released its lock leaves (Hangfire.PostgreSql names it after the schema).</summary>
    private async Task LeaveLockAsync(string resource, TimeSpan acquiredAgo)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.Require());
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            $"""INSERT INTO "{_schema}"."lock" (resource, updatecount, acquired) VALUES (@resource, 0, now() - @ago)""", connection);
        insert.Parameters.AddWithValue("resource", $"{_schema}:{resource}");
        insert.Parameters.AddWithValue("ago", acquiredAgo);
        await insert.ExecuteNonQueryAsync();
    }
}
