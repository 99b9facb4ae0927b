using ChatOps.Incidents.Deadlines;
using ChatOps.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOps.Jobs.Tests.Deadlines;

/// <summary>The jobs as the bot wires them (<c>AddJobs</c>), on the test PostgreSQL in a schema of their own, firings in memory.</summary>
internal static class PostgreSqlJobsHost
{
    public static IHost Build(string schema, params IDeadlineHandler[] handlers)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:Storage"] = "PostgreSql",
            ["Jobs:PostgreSqlConnectionString"] = TestPostgres.Require(),
            ["Jobs:PostgreSqlSchema"] = schema,
        });
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddSingleton<IDeadlineFirings>(new MemoryFirings(TimeProvider.System));
        foreach (var handler in handlers)
            builder.Services.AddSingleton(handler);
        return builder.Build();
    }
}
