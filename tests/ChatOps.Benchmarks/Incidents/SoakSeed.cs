using System.Diagnostics;
using System.Globalization;
using ChatOps.Bot.Incidents;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>
/// Incidents for the memory soak, written straight through the bot's IIncidentStore and the Incident's own
/// methods (much faster than declaring each): declared, channel opened in contoso's channel, then notes up
/// to the wanted number of timeline events, committed 99 at a time (the store's batch limit).
/// </summary>
internal static class SoakSeed
{
    private const int Parallelism = 8;
    private const int MaxEventsPerSave = 99;

    /// <returns>Incident id → its thread (conversation) id, where @mention notes go.</returns>
    public static async Task<IReadOnlyDictionary<string, string>> CreateAsync(IncidentsBench bench, int incidents, int events)
    {
        var store = bench.Services.GetRequiredService<IIncidentStore>();
        var client = await bench.Services.GetRequiredService<IClientDirectory>().FindAsync("contoso", default)
            ?? throw new InvalidOperationException("contoso is not stored.");
        var playbook = bench.Services.GetRequiredService<PlaybookCatalog>().Get(client.PlaybookId);
        var type = playbook.FindType("webshell")!;
        var severity = playbook.FindSeverity("P3")!;
        var alex = new Person(IncidentActivities.Alex, "Alex Wilber");
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, incidents), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (n, ct) =>
        {
            var now = bench.Time.GetUtcNow();
            var id = await store.NextIdAsync(now.Year, ct);
            var thread = string.Create(CultureInfo.InvariantCulture, $"19:soak-{id}@thread.tacv2;messageid=1{n:D12}");
            var (incident, declared) = Incident.Declare(id, client.Id, playbook, type, severity, $"Soak {n}", "Seeded for the memory soak.", alex, alex, now);
            var opened = incident.RecordChannel(new IncidentChannel(bench.Connector.ServiceUrl, client.TeamId, client.IncidentChannelId ?? client.TeamId, thread, "1" + n), alex, now);
            incident.RecordChecklistCard(incident.Phase, "2" + n.ToString(CultureInfo.InvariantCulture));
            var stored = await store.CreateAsync(incident, [.. declared, .. opened], ct);
            await store.BindConversationAsync(thread, id, ct);
            for (var written = 2; written < events;)
            {
                var batch = Enumerable.Range(0, Math.Min(MaxEventsPerSave, events - written))
                    .SelectMany(k => incident.AddNote($"Seeded note {written + k}: checked the web logs of host web-{k % 7}.", alex, bench.Time.GetUtcNow()))
                    .ToList();
                stored = await store.SaveAsync(stored, batch, ct);
                written += batch.Count;
            }
            threads[id] = thread;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {threads.Count} incidents × {events} events in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s."));
        return threads;
    }
}
