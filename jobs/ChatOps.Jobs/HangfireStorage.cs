using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace ChatOps.Jobs;

/// <summary>Hangfire's job storage as configured.</summary>
internal static class HangfireStorage
{
    /// <summary>How old a distributed lock left behind by a dead holder may get before another process takes it over.</summary>
    public static readonly TimeSpan LockExpiry = TimeSpan.FromMinutes(1);

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
            // A distributed lock is a row, deleted by its holder; a holder killed (or cut off from the database) leaves it,
            // and the next taker removes it only once it is this old. Hangfire's delayed-job scheduler takes such a lock
            // on every poll, so the default 10 minutes held every scheduled deadline (SLA reminders) back up to 10 minutes
            // after a crash or a database restart; the scheduler holds it for a second or two.
            DistributedLockTimeout = LockExpiry,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.PostgreSqlConnectionString!, storage), storage);
    }
}
