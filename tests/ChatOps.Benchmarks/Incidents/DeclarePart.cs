using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatOps.Testing;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>
/// Part 1: a one-line <c>declare</c> turn, timed until its HTTP answer. The bot answers only after storing the
/// incident, creating the thread, posting the checklist and the confirmation; afterwards every declaration
/// is checked against what the fake connector received.
/// </summary>
internal static partial class DeclarePart
{
    /// <summary>A closed loop of <paramref name="connections"/> workers.</summary>
    public static Task<DeclareResult> RunAsync(IncidentsBench bench, bool rateLimits, int connections, TimeSpan warmup, TimeSpan duration) =>
        RunAsync(bench, rateLimits, operation => ClosedLoop.RunAsync(connections, warmup, duration, operation, bench.Stages));

    /// <summary>An open loop: declarations arriving at <paramref name="perSecond"/> on average.</summary>
    public static Task<DeclareResult> RunOpenAsync(IncidentsBench bench, bool rateLimits, double perSecond, TimeSpan warmup, TimeSpan duration) =>
        RunAsync(bench, rateLimits, operation => OpenLoop.RunAsync(perSecond, warmup, duration, operation, bench.Stages));

    private static async Task<DeclareResult> RunAsync(IncidentsBench bench, bool rateLimits, Func<Operation, Task<LoopResult>> loop)
    {
        bench.Connector.Clear();
        var sent = new ConcurrentQueue<string>();
        var result = await loop(async (_, _, client, ct) =>
        {
            var id = bench.Activities.NextId();
            sent.Enqueue(id);
            using var request = bench.Activities.Declare(bench.EndpointFor(rateLimits), id, $"Bench {id[^10..]}");
            using var response = await client.SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.OK ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        var incidents = Verify(bench.Connector.Requests, sent);
        bench.Connector.Clear();
        return new DeclareResult(result, rateLimits, sent.Count, incidents);
    }

    /// <summary>Declares <paramref name="count"/> incidents (not timed), four at a time; returns those verified.</summary>
    public static async Task<IReadOnlyList<string>> DeclareManyAsync(IncidentsBench bench, Uri endpoint, int count)
    {
        bench.Connector.Clear();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var ids = Enumerable.Range(0, count).Select(_ => bench.Activities.NextId()).ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
        {
            using var request = bench.Activities.Declare(endpoint, id, $"Bench {id[^10..]}");
            using var response = await client.SendAsync(request, ct);
        });
        var incidents = Verify(bench.Connector.Requests, ids);
        bench.Connector.Clear();
        return incidents;
    }

    /// <summary>Declarations whose confirmation names an incident with a created thread and a posted checklist: their incident ids.</summary>
    public static IReadOnlyList<string> Verify(IReadOnlyList<RecordedRequest> requests, IEnumerable<string> activityIds)
    {
        var confirmed = new Dictionary<string, string>(StringComparer.Ordinal);
        var threads = new HashSet<string>(StringComparer.Ordinal);
        var checklists = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in requests.Where(r => r.Method == "POST" && r.Status < 300))
        {
            if (r.Path == "/v3/conversations")
                threads.UnionWith(IncidentId().Matches(r.Body).Select(m => m.Value));
            else if (r.Path.StartsWith("/v3/conversations/19:new@thread.tacv2;messageid=", StringComparison.Ordinal))
                checklists.UnionWith(ChecklistTitle().Matches(r.Body).Select(m => m.Groups[1].Value));
            else if (r.Path.Contains(IncidentActivities.PersonalConversation, StringComparison.Ordinal) && IncidentId().Match(r.Body) is { Success: true } id
                     && JsonDocument.Parse(r.Body).RootElement.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() is { } activityId)
            {
                confirmed[activityId] = id.Value;
            }
        }
        return [.. activityIds.Select(a => confirmed.GetValueOrDefault(a)).OfType<string>().Where(i => threads.Contains(i) && checklists.Contains(i)).Distinct()];
    }

    [GeneratedRegex(@"INC-\d{4}-\d{4,}")]
    private static partial Regex IncidentId();

    [GeneratedRegex(@"(INC-\d{4}-\d{4,}) · ")]
    private static partial Regex ChecklistTitle();
}

/// <param name="Sent">Declarations sent in warm-up and window; <paramref name="Incidents"/> are those fully verified at the connector.</param>
internal sealed record DeclareResult(LoopResult Loop, bool RateLimits, int Sent, IReadOnlyList<string> Incidents);
