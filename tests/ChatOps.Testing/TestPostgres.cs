using Npgsql;
using Xunit;

namespace ChatOps.Testing;

/// <summary>
/// The PostgreSQL that infra/test installs (if missing) and starts, given as CHATOPS_TEST_POSTGRES, for the host and job
/// tests. Without it the tests that need it are skipped locally and fail in CI (CI set), so a CI run never passes without them.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "CHATOPS_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string Require() => ConnectionString ?? throw new InvalidOperationException(
        $"{Variable} is not set, and CI requires the PostgreSQL tests: infra/test installs and starts PostgreSQL and sets it (see its log).");

    /// <summary>A schema name no other test run uses; Hangfire creates it.</summary>
    public static string NewSchema() => "hangfire_t" + Guid.NewGuid().ToString("N")[..12];

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(Require());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A test on <see cref="TestPostgres"/>: skipped locally when it is not given, run (and failing) in CI.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestPostgres.ConnectionString is null && !TestPostgres.InCi)
            Skip = $"{TestPostgres.Variable} is not set: run infra/test, which starts PostgreSQL, or set it to a database of your own.";
    }
}
