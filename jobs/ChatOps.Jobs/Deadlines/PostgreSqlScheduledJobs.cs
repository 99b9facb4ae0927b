using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatOps.Jobs.Deadlines;

/// <summary>A job ready to be written in the Scheduled state, with the parameters Hangfire's client filters gave it.</summary>
internal sealed record ScheduledJob(Job Job, ScheduledState State, IReadOnlyDictionary<string, string> Parameters);

/// <summary>
/// Scheduled jobs written into Hangfire.PostgreSql's tables a chunk at a time, row for row what its client writes
/// (the job, its parameters, the Scheduled state, the "schedule" set entry), because its own path costs about six
/// round trips and two commits per job. It writes only on the table layout it was checked against; otherwise it declines.
/// </summary>
internal sealed class PostgreSqlScheduledJobs(IOptions<JobsOptions> options)
{
    /// <summary>Hangfire.PostgreSql 1.21's schema version; a package update that changes it sends jobs back through the client.</summary>
    internal const int KnownSchemaVersion = 23;

    private string Schema => options.Value.PostgreSqlSchema;

    /// <summary>Whether the queue is on PostgreSQL and its tables are the ones this writer knows.</summary>
    public async Task<bool> AcceptsAsync(CancellationToken ct)
    {
        if (options.Value.Storage != JobQueueStorage.PostgreSql)
            return false;
        await using var connection = await OpenAsync(ct);
        await using var version = new NpgsqlCommand($"""SELECT max("version") FROM "{Schema}"."schema" """, connection);
        return await version.ExecuteScalarAsync(ct) is int v && v == KnownSchemaVersion;
    }

    /// <summary>Writes the jobs in one transaction: ids first, then every row in one batch.</summary>
    public async Task WriteAsync(IReadOnlyList<ScheduledJob> jobs, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (jobIds, stateIds) = await NewIdsAsync(connection, transaction, jobs.Count, ct);
        var invocations = jobs.Select(j => InvocationData.SerializeJob(j.Job)).ToList();
        var parameters = jobs.SelectMany((j, i) => j.Parameters.Select(p => (JobId: jobIds[i], p.Key, p.Value))).ToList();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                // As CreateExpiredJob, then SetJobState and PersistJob: the job points at its state and does not expire.
                Command($"""
                    INSERT INTO "{Schema}"."job" ("id", "stateid", "statename", "invocationdata", "arguments", "createdat", "expireat")
                    SELECT j.id, j.stateid, @Name, j.invocation::jsonb, j.arguments::jsonb, @Now, NULL
                    FROM unnest(@Ids, @StateIds, @Invocations, @Arguments) AS j(id, stateid, invocation, arguments)
                    """,
                    ("Ids", jobIds), ("StateIds", stateIds), ("Name", ScheduledState.StateName), ("Now", now.UtcDateTime),
                    ("Invocations", invocations.Select(i => Json(SerializationHelper.Serialize(i), "{}")).ToArray()),
                    ("Arguments", invocations.Select(i => Json(i.Arguments, "[]")).ToArray())),
                Command($"""
                    INSERT INTO "{Schema}"."jobparameter" ("jobid", "name", "value")
                    SELECT * FROM unnest(@JobIds, @Names, @Values)
                    """,
                    ("JobIds", parameters.Select(p => p.JobId).ToArray()), ("Names", parameters.Select(p => p.Key).ToArray()),
                    ("Values", parameters.Select(p => p.Value).ToArray())),
                Command($"""
                    INSERT INTO "{Schema}"."state" ("id", "jobid", "name", "reason", "createdat", "data")
                    SELECT s.id, s.jobid, @Name, NULL, @Now, s.data::jsonb FROM unnest(@StateIds, @Ids, @Data) AS s(id, jobid, data)
                    """,
                    ("StateIds", stateIds), ("Ids", jobIds), ("Name", ScheduledState.StateName), ("Now", now.UtcDateTime),
                    ("Data", jobs.Select(j => Json(SerializationHelper.Serialize(j.State.SerializeData()), "{}")).ToArray())),
                // ScheduledState's handler: the poller enqueues each job once its score (the due time) has passed.
                Command($"""
                    INSERT INTO "{Schema}"."set" ("key", "value", "score")
                    SELECT 'schedule', s.value, s.score FROM unnest(@Values, @Scores) AS s(value, score)
                    ON CONFLICT ("key", "value") DO UPDATE SET "score" = EXCLUDED."score"
                    """,
                    ("Values", jobIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
                    ("Scores", jobs.Select(j => (double)JobHelper.ToTimestamp(j.State.EnqueueAt)).ToArray())),
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<(long[] Jobs, long[] States)> NewIdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int count, CancellationToken ct)
    {
        await using var next = new NpgsqlCommand(
            $"""SELECT nextval('"{Schema}".job_id_seq'), nextval('"{Schema}".state_id_seq') FROM generate_series(1, @Count)""", connection, transaction);
        next.Parameters.AddWithValue("Count", count);
        var (jobs, states) = (new long[count], new long[count]);
        await using var reader = await next.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++)
            (jobs[i], states[i]) = (reader.GetInt64(0), reader.GetInt64(1));
        return (jobs, states);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(options.Value.PostgreSqlConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>As Hangfire.PostgreSql passes a JSON column: an empty value becomes the empty object or array.</summary>
    private static string Json(string? value, string empty) => string.IsNullOrEmpty(value) ? empty : value;

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.Add(new NpgsqlParameter(name, value));
        return command;
    }
}
