using ChatOps.Testing;
using ChatOps.Incidents.Deadlines;
using ChatOps.Jobs.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ChatOps.Jobs.Tests.Deadlines;

/// <summary>
/// The bulk writer against the rows Hangfire.PostgreSql's own client writes, column by column: it must fail here, not
/// in production, when a package update changes what a scheduled job is.
/// </summary>
public sealed class PostgreSqlScheduledJobsTests : IAsyncLifetime
{
    private readonly string _schema = TestPostgres.NewSchema();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        if (TestPostgres.ConnectionString is null && !TestPostgres.InCi)
            return;
        _host = PostgreSqlJobsHost.Build(_schema);
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (TestPostgres.ConnectionString is null)
            return;
        await _host.StopAsync();
        _host.Dispose();
        await TestPostgres.DropSchemaAsync(_schema);
    }

    [PostgreSqlFact]
    public async Task A_fresh_queue_has_the_table_layout_the_bulk_writer_knows() =>
        Assert.True(await _host.Services.GetRequiredService<PostgreSqlScheduledJobs>().AcceptsAsync(default),
            $"Hangfire.PostgreSql's schema is no longer version {PostgreSqlScheduledJobs.KnownSchemaVersion}: check the writer's rows against its client's, then update it.");

    [PostgreSqlFact]
    public async Task A_job_written_in_bulk_has_the_same_rows_as_one_the_client_schedules()
    {
        var dueAt = TimeProvider.System.GetUtcNow().AddHours(1);
        var single = new DeadlineJob(RecordingHandler.DefaultKind, "INC-2026-0400", "ack", "50%");
        var batched = single with { IncidentId = "INC-2026-0401" };
        var jobs = _host.Services.GetRequiredService<DeadlineBatches>().Prepare([new(batched, dueAt)]);

        await _host.Services.GetRequiredService<IDeadlineScheduler>().ScheduleAsync(single, dueAt, default);
        await _host.Services.GetRequiredService<PostgreSqlScheduledJobs>().WriteAsync(jobs, TimeProvider.System.GetUtcNow(), default);

        var rows = await RowsAsync();
        Assert.Equal(2, rows.Count);
        // Equal but for the incident id in the arguments (and the ids and instants, not selected).
        Assert.Equal(rows[0], rows[1].Replace("INC-2026-0401", "INC-2026-0400", StringComparison.Ordinal));
    }

    /// <summary>Each job's rows as text: job, parameters, states (their data's keys), its "schedule" set entry, its queue entries.</summary>
    private async Task<List<string>> RowsAsync()
    {
        await using var connection = new NpgsqlConnection(TestPostgres.Require());
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand($"""
            SELECT concat_ws(' | ', j.statename, j.invocationdata::text, j.arguments::text, j.expireat IS NULL, j.updatecount,
                s.id = j.stateid, s.name, s.reason, s.updatecount, (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(s.data) k),
                (SELECT string_agg(p.name || '=' || coalesce(p.value, 'null') || '/' || p.updatecount, ',' ORDER BY p.name) FROM "{_schema}".jobparameter p WHERE p.jobid = j.id),
                (SELECT string_agg(t.key || '@' || t.score || '/' || coalesce(t.expireat::text, 'null') || '/' || t.updatecount, ',')
                    FROM "{_schema}".set t WHERE t.value = j.id::text),
                (SELECT count(*) FROM "{_schema}".jobqueue q WHERE q.jobid = j.id))
            FROM "{_schema}".job j JOIN "{_schema}".state s ON s.jobid = j.id
            ORDER BY j.id
            """, connection);
        var rows = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
