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
            // A job fetched by an instance that died is offered again a minute after its last keep-alive. Sliding, a live
            // job's fetch is renewed every fifth of this (12 s, retried each second when it fails), so only a storage outage
            // over a minute lets a second worker run it too, and the deadline's firing claim then keeps it from firing twice.
            InvisibilityTimeout = TimeSpan.FromMinutes(1),
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.PostgreSqlConnectionString!, storage), storage);
    }
}
