using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace ChatOps.Jobs;

/// <summary>Hangfire's job storage as configured.</summary>
internal static class HangfireStorage
{
    public static JobStorage Create(JobsOptions options) => options.Storage switch
    {
        JobQueueStorage.PostgreSql => PostgreSql(options),
        _ => new InMemoryStorage(new InMemoryStorageOptions()),
    };

    private static PostgreSqlStorage PostgreSql(JobsOptions options)
    {
        var storage = new PostgreSqlStorageOptions
        {
            SchemaName = options.PostgreSqlSchema,
            // Jobs this instance enqueues wake its workers at once; the poll finds those another instance enqueued.
            QueuePollInterval = TimeSpan.FromSeconds(1),
            // A job held by an instance that died is fetched again after this (the heartbeat keeps live jobs held).
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.PostgreSqlConnectionString!, storage), storage);
    }
}
