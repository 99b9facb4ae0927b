using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOps.Jobs.Tests;

public sealed class JobsOptionsTests
{
    [Theory]
    [InlineData("Jobs:Storage", "PostgreSql", "Jobs:PostgreSqlConnectionString")]
    [InlineData("Jobs:Storage", "Redis", "Jobs:Storage")]
    [InlineData("Jobs:WorkerCount", "0", "Jobs:WorkerCount")]
    [InlineData("Jobs:PostgreSqlSchema", "Hangfire; drop", "Jobs:PostgreSqlSchema")]
    [InlineData("Jobs:DashboardApiKey", "short", "Jobs:DashboardApiKey")]
    public async Task A_bad_setting_stops_the_host_at_start_naming_the_key(string key, string value, string named)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAndStopAsync(new() { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_that_is_not_one_stops_the_host_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAndStopAsync(new()
        {
            ["Jobs:Storage"] = "PostgreSql",
            ["Jobs:PostgreSqlConnectionString"] = "Hots=db;Nonsense=1",
        }));

        Assert.Contains("Jobs:PostgreSqlConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_settings_the_host_starts_on_the_in_memory_queue() =>
        await StartAndStopAsync([]);

    private static async Task StartAndStopAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddJobs(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }
}
