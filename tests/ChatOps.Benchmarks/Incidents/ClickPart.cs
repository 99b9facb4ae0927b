using System.Collections.Concurrent;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>
/// Part 2: a checklist click (<c>adaptiveCard/action</c>, verb checklist.set). Each worker owns its own incidents
/// and walks their non-gated points CP-01, CP-03, CP-04 round Open → InProgress → Done → Open, sending the
/// status it last saw as "from", so no click is stale unless the bot disagrees; stale answers count apart.
/// </summary>
internal sealed class ClickPart(IncidentsBench bench, bool rateLimits, IReadOnlyList<string> incidents)
{
    private static readonly string[] Points = ["CP-01", "CP-03", "CP-04"];
    private readonly ConcurrentDictionary<(string Incident, string Point), PointStatus> _seen = new();

    public async Task<ClickResult> RunAsync(int connections, TimeSpan warmup, TimeSpan duration)
    {
        bench.Connector.Clear();
        var owned = Enumerable.Range(0, connections)
            .Select(w => incidents.Where((_, i) => i % connections == w).SelectMany(i => Points.Select(p => (i, p))).ToArray())
            .ToArray();
        var result = await ClosedLoop.RunAsync(connections, warmup, duration, (worker, sequence, client, ct) =>
        {
            var mine = owned[worker];
            var (incident, point) = mine[(int)(sequence % mine.Length)];
            return ClickAsync(client, incident, point, ct);
        }, bench.Stages);
        var updates = bench.Connector.Requests.Count(r => r.Method == "PUT" && r.Status < 300);
        bench.Connector.Clear();
        return new ClickResult(result, rateLimits, updates);
    }

    /// <summary>One click moving the point on from what was last seen; the caller's clock times it.</summary>
    public async Task<string?> ClickAsync(HttpClient client, string incident, string point, CancellationToken ct)
    {
        var from = _seen.GetValueOrDefault((incident, point), PointStatus.Open);
        var to = from switch { PointStatus.Open => PointStatus.InProgress, PointStatus.InProgress => PointStatus.Done, _ => PointStatus.Open };
        using var request = bench.Activities.Click(bench.EndpointFor(rateLimits), incident, point, from.ToString(), to.ToString());
        using var response = await client.SendAsync(request, ct);
        var answer = Faults.ClickLoad.Classify(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        var outcome = answer == Faults.ClickLoad.Accepted ? null : answer;
        if (outcome is null)
            _seen[(incident, point)] = to;
        else
            await ResyncAsync(incident, point, ct);
        return outcome;
    }

    /// <summary>After a surprise, read what the bot has (rare; counted in the stage times as a table get).</summary>
    private async Task ResyncAsync(string incident, string point, CancellationToken ct)
    {
        var stored = await bench.StoreFor(rateLimits).GetAsync(incident, ct);
        if (stored?.Incident.Points.TryGetValue(point, out var state) == true)
            _seen[(incident, point)] = state.Status;
    }
}

/// <param name="CardUpdates">Card updates (PUT) the connector received for the clicks, warm-up included.</param>
internal sealed record ClickResult(LoopResult Loop, bool RateLimits, int CardUpdates);
