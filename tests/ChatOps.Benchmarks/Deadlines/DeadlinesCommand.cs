using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ChatOps.Benchmarks.Load;
using ChatOps.Bot.Incidents;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Incidents;
using ChatOps.Jobs.Deadlines;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ChatOps.Benchmarks.Deadlines;

/// <summary>
/// Issue 6's targets: reconciliation of 10,000 open clocks after a restart (&lt; 5 s), and how late real Hangfire fires
/// deadlines (InMemory: median ≤ 1 s, p99 ≤ 2 s; PostgreSQL: p99 ≤ 5 s). The real bot (its Program) on Azurite.
/// </summary>
internal static class DeadlinesCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var incidents = args.Count > 1 && args[0] == "--incidents" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
        var postgres = Environment.GetEnvironmentVariable("CHATOPS_TEST_POSTGRES");
        await using var rig = await BenchmarkRig.StartAsync();
        var prefix = rig.TablePrefix + "j";
        Console.WriteLine($"Seeding {incidents} open incidents, P1 to P4 in turn (2 running clocks each: acknowledge, first response) …");
        await using (var seeding = Server(rig, prefix, null, null))
            await SeedAsync(seeding, incidents);
        foreach (var (name, connection) in new[] { ("InMemory", (string?)null), ("PostgreSql", postgres) })
        {
            if (name == "PostgreSql" && connection is null)
            {
                Console.WriteLine("PostgreSql: skipped (set CHATOPS_TEST_POSTGRES, e.g. by running infra/test once)");
                continue;
            }
            var schema = "bench" + Guid.NewGuid().ToString("N")[..10];
            (string Connection, string Schema)? pg = connection is null ? null : (connection, schema);
            var fired = new ConcurrentBag<TimeSpan>();
            var server = await ReconcileAsync(rig, prefix, pg, fired, $"{name}, empty queue (first start)", incidents);
            if (pg is not null)
            {
                // PostgreSQL keeps the queue: a restart finds every job the first start made.
                await server.DisposeAsync();
                server = await ReconcileAsync(rig, prefix, pg, fired, $"{name}, queue kept (restart)", incidents);
            }
            await using (server)
            {
                var lateness = await LatenessAsync(server, fired, 300, name);
                Console.WriteLine(lateness.Length == 0 ? $"{name}: none of 300 deadlines fired within 3 minutes" : string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {lateness.Length} of 300 deadlines due over 10 s fired late by median {Ms(lateness, 0.5):0} ms, p99 {Ms(lateness, 0.99):0} ms, max {lateness[^1].TotalMilliseconds:0} ms, min {lateness[0].TotalMilliseconds:0} ms"));
            }
            if (pg is { } used)
                await DropSchemaAsync(used.Connection, used.Schema);
        }
        await rig.DropTablesAsync(prefix);
        return 0;
    }

    /// <summary>Starts a bot and times its first reconcile, from the host's start until the reconciler's first sweep is done.</summary>
    private static async Task<BotServer> ReconcileAsync(BenchmarkRig rig, string prefix, (string Connection, string Schema)? pg, ConcurrentBag<TimeSpan> fired, string pass, int incidents)
    {
        var started = Stopwatch.GetTimestamp();
        var server = Server(rig, prefix, pg, fired);
        var reconciler = server.Services.GetServices<IHostedService>().OfType<DeadlineReconciler>().Single();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (reconciler.Sweeps == 0 && !timeout.IsCancellationRequested)
            await Task.Delay(20);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        // Counted after the timing: reading the store again would slow the reconcile it measures.
        var horizon = TimeProvider.System.GetUtcNow().AddMinutes(30);
        var due = (await server.Services.GetServices<IDeadlineSource>().First().ListPendingAsync(default)).Count(d => d.DueAt <= horizon);
        var scheduled = server.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledCount();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pass}: reconciled {incidents * 2} clocks ({due} next thresholds due within 30 min) in {seconds:0.00} s after start; Hangfire holds {scheduled} scheduled jobs"));
        return server;
    }

    private static async Task DropSchemaAsync(string connection, string schema)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", db);
        await drop.ExecuteNonQueryAsync();
    }

    private static BotServer Server(BenchmarkRig rig, string prefix, (string Connection, string Schema)? postgres, ConcurrentBag<TimeSpan>? fired)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Logging:LogLevel:ChatOps"] = "Warning", ["Logging:LogLevel:Hangfire"] = "Warning", ["Logging:LogLevel:ChatOps.Jobs.Deadlines.DeadlineReconciler"] = "Information" };
        if (postgres is { } pg)
        {
            settings["Jobs:Storage"] = "PostgreSql";
            settings["Jobs:PostgreSqlConnectionString"] = pg.Connection;
            settings["Jobs:PostgreSqlSchema"] = pg.Schema;
        }
        return BotServer.Start(Scenario.Bot, rig, prefix, (settings, services =>
        {
            if (fired is not null)
                services.AddSingleton<IDeadlineHandler>(new Recorder(fired));
        }));
    }

    private static async Task SeedAsync(BotServer server, int count)
    {
        var store = server.Services.GetRequiredService<IIncidentStore>();
        var playbook = server.Services.GetRequiredService<PlaybookCatalog>().Get("emergency-response");
        var policy = server.Services.GetRequiredService<SlaCatalog>().Policy("standard");
        var directory = server.Services.GetRequiredService<IClientDirectory>();
        while (await directory.FindAsync("contoso", default) is null)
            await Task.Delay(100);
        var person = new Person("bench", "Bench");
        var now = TimeProvider.System.GetUtcNow();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var (incident, events) = Incident.Declare(string.Create(CultureInfo.InvariantCulture, $"INC-2099-{i:D5}"), "contoso", playbook,
                playbook.FindType("webshell")!, playbook.Severities[i % 4], "Bench", "", person, person, now, policy);
            await store.CreateAsync(incident, events, ct);
        });
    }

    private static async Task<TimeSpan[]> LatenessAsync(BotServer server, ConcurrentBag<TimeSpan> fired, int count, string pass)
    {
        var scheduler = server.Services.GetRequiredService<IDeadlineScheduler>();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < count; i++)
            await scheduler.ScheduleAsync(new DeadlineJob(Recorder.Kind, "INC-BENCH", "late-" + pass, i.ToString(CultureInfo.InvariantCulture)), now.AddSeconds(2 + (i * 10.0 / count)), default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (fired.Count < count && !timeout.IsCancellationRequested)
            await Task.Delay(100);
        var sorted = fired.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static double Ms(TimeSpan[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)].TotalMilliseconds;

    /// <summary>Records how late each bench deadline fired, by the wall clock against its due time.</summary>
    private sealed class Recorder(ConcurrentBag<TimeSpan> fired) : IDeadlineHandler
    {
        public const string Kind = "bench";

        string IDeadlineHandler.Kind => Kind;

        public Task HandleAsync(DeadlineJob job, TimeSpan lateBy, CancellationToken ct)
        {
            fired.Add(lateBy);
            return Task.CompletedTask;
        }
    }
}
