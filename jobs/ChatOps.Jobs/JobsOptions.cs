using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace ChatOps.Jobs;

/// <summary>Where Hangfire keeps its queue.</summary>
public enum JobQueueStorage
{
    /// <summary>In the process: one bot instance; lost at restart, when the reconciler re-creates it from the store.</summary>
    InMemory,

    /// <summary>In PostgreSQL: many bot instances share one queue.</summary>
    PostgreSql,
}

/// <summary>Background jobs (section Jobs): Hangfire's storage, its workers and the dashboard's key.</summary>
public sealed class JobsOptions : IValidatableObject
{
    public const string Section = "Jobs";

    public JobQueueStorage Storage { get; set; } = JobQueueStorage.InMemory;

    /// <summary>Required when <see cref="Storage"/> is PostgreSql, e.g. Host=…;Database=chatops;Username=…;Password=….</summary>
    [DataType(DataType.Password)]
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>The schema of Hangfire's tables, created when missing.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = Section + ":PostgreSqlSchema must be a lower-case PostgreSQL identifier.")]
    public string PostgreSqlSchema { get; set; } = "hangfire";

    /// <summary>Jobs run at once per instance; they wait on I/O, so a few suffice.</summary>
    [Range(1, 100, ErrorMessage = Section + ":WorkerCount must be between 1 and 100.")]
    public int WorkerCount { get; set; } = 5;

    /// <summary>
    /// How far ahead the reconciler schedules: at start, and again every third of it, the deadlines due within it.
    /// The store holds the rest, so a restart schedules only what falls due soon.
    /// </summary>
    [Range(typeof(TimeSpan), "00:03:00", "7.00:00:00", ErrorMessage = Section + ":ReconcileHorizon must be between 3 minutes and 7 days.")]
    public TimeSpan ReconcileHorizon { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The key that opens the dashboard outside Development (header X-Api-Key or Authorization: Bearer); unset keeps it closed.</summary>
    [DataType(DataType.Password)]
    public string? DashboardApiKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DashboardApiKey is { Length: > 0 and < 32 })
            yield return new ValidationResult($"{Section}:DashboardApiKey must be at least 32 characters (or empty: no key).", [nameof(DashboardApiKey)]);
        if (Storage != JobQueueStorage.PostgreSql)
            yield break;
        if (string.IsNullOrWhiteSpace(PostgreSqlConnectionString))
        {
            yield return new ValidationResult($"{Section}:PostgreSqlConnectionString is required when {Section}:Storage is PostgreSql.", [nameof(PostgreSqlConnectionString)]);
            yield break;
        }
        string? error = null;
        try
        {
            _ = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionString);
        }
        catch (ArgumentException e)
        {
            error = e.Message;
        }
        if (error is not null)
            yield return new ValidationResult($"{Section}:PostgreSqlConnectionString is not a PostgreSQL connection string: {error}", [nameof(PostgreSqlConnectionString)]);
    }
}
