using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// Checklist clicks arriving at a fixed mean rate (Poisson, fixed seed), each on a point nobody is clicking at that moment,
/// as people click cards. A click that gets no answer (or "storage unavailable") is clicked again after a pause, as a
/// person would: a new activity with the same from → to and revision, so the bot's optimistic check applies it at most
/// once, and an attempt delivered after a later one was applied is stale even when the point has come round again.
/// </summary>
internal sealed class ClickLoad(Func<string, string, string, string, int, HttpRequestMessage> click, IIncidentStore store, TimeProvider time)
{
    public const string Accepted = "accepted";
    public const string Stale = Incidents.ClosedLoop.Stale;
    public const string Refused = "refused";
    public const string Timeout = "timeout";
    private const int Seed = 20261123;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(4);
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private long _skipped;

    public async Task<ClickLoadResult> RunAsync(IReadOnlyList<ClickSlot> slots, double perSecond, TimeSpan duration, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, UseProxy = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(3) };
        using var client = new HttpClient(handler) { Timeout = RequestTimeout };
        var random = new Random(Seed);
        var started = time.GetTimestamp();
        var clicks = new List<Task<TimeSpan?>>();
        var next = 0.0;
        while (true)
        {
            next += -Math.Log(1 - random.NextDouble()) / perSecond;
            if (next >= duration.TotalSeconds)
                break;
            var wait = TimeSpan.FromSeconds(next) - time.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time, ct);
            if (Pick(slots, random) is { } slot)
                clicks.Add(ClickAsync(client, slot, started, ct));
            else
                Interlocked.Increment(ref _skipped);
        }
        var resolved = await Task.WhenAll(clicks);
        return new ClickLoadResult(clicks.Count, (long)Interlocked.Read(ref _skipped), [.. _attempts], [.. resolved.OfType<TimeSpan>()], time.GetElapsedTime(started));
    }

    /// <summary>A random point nobody is clicking now (a few tries; with hundreds of points one is nearly always free).</summary>
    private static ClickSlot? Pick(IReadOnlyList<ClickSlot> slots, Random random)
    {
        for (var i = 0; i < 16; i++)
        {
            var slot = slots[random.Next(slots.Count)];
            if (Interlocked.CompareExchange(ref slot.Busy, 1, 0) == 0)
                return slot;
        }
        return null;
    }

    /// <summary>One person's click, repeated until the bot answers it; returns how long that took (null if given up).</summary>
    private async Task<TimeSpan?> ClickAsync(HttpClient client, ClickSlot slot, long loadStarted, CancellationToken ct)
    {
        var began = time.GetTimestamp();
        var change = new Change(slot.Status, ClickSlot.After(slot.Status));
        var revision = slot.Revision;
        try
        {
            for (var pause = TimeSpan.FromMilliseconds(500); time.GetElapsedTime(began) < GiveUpAfter; pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.TicksPerSecond * 5)))
            {
                var sent = time.GetTimestamp();
                var outcome = await SendAsync(client, slot, change, revision, ct);
                _attempts.Enqueue(new Attempt(time.GetElapsedTime(loadStarted, sent), time.GetElapsedTime(sent), outcome));
                switch (outcome)
                {
                    case Accepted:
                        slot.Applied.Add(change);
                        slot.Accepted++;
                        slot.Status = change.To;
                        slot.Revision = revision + 1;
                        slot.Unresolved = null;
                        return time.GetElapsedTime(began);
                    case Stale:
                        await ResolveStaleAsync(slot, change, revision, ct);
                        return time.GetElapsedTime(began);
                    default:
                        if (outcome == Refused)
                            return null;
                        slot.Unresolved = change;
                        await Task.Delay(pause, time, ct);
                        break;
                }
            }
            return null;
        }
        finally
        {
            Volatile.Write(ref slot.Busy, 0);
        }
    }

    private async Task<string> SendAsync(HttpClient client, ClickSlot slot, Change change, int revision, CancellationToken ct)
    {
        try
        {
            using var request = click(slot.IncidentId, slot.PointId, change.From.ToString(), change.To.ToString(), revision);
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return Classify(response.StatusCode, body);
        }
        catch (HttpRequestException e)
        {
            return "transport: " + (e.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused or reset" : e.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return Timeout;
        }
        catch (IOException)
        {
            return "transport: connection reset";
        }
    }

    /// <summary>The bot's answer to a checklist click, by what a person would see.</summary>
    internal static string Classify(HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.OK)
            return string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}");
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            var code = root.TryGetProperty("statusCode", out var s) ? s.GetInt32() : 0;
            var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (code != 200)
                return string.Create(CultureInfo.InvariantCulture, $"invoke {code}");
            if (type == "application/vnd.microsoft.card.adaptive")
            {
                return body.Contains("Someone changed this checklist", StringComparison.Ordinal) ? Stale
                    : body.Contains("Only the incident", StringComparison.Ordinal) || body.Contains("cannot be", StringComparison.Ordinal) ? Refused
                    : Accepted;
            }
            // A message instead of a card ("Your click is already being processed"): no answer to this click yet.
            return "message: " + (root.TryGetProperty("value", out var v) ? v.ToString() : type);
        }
        catch (JsonException)
        {
            return "not JSON";
        }
    }

    /// <summary>
    /// "Someone changed this checklist": nobody else clicks this point, so an earlier unanswered click of ours was applied.
    /// The store says where the point stands; the change counts as applied when it shows the click's target, one
    /// revision on from the click's.
    /// </summary>
    private async Task ResolveStaleAsync(ClickSlot slot, Change change, int revision, CancellationToken ct)
    {
        var state = await ReadStateAsync(slot, ct);
        if (state.Status == change.To && state.Revision == revision + 1 && slot.Unresolved == change)
        {
            slot.Applied.Add(change);
            slot.Proven++;
            slot.Unresolved = null;
        }
        slot.Status = state.Status;
        slot.Revision = state.Revision;
    }

    private async Task<PointState> ReadStateAsync(ClickSlot slot, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stored = await store.GetAsync(slot.IncidentId, ct) ?? throw new InvalidOperationException($"{slot.IncidentId} is not stored.");
                return stored.Incident.Points[slot.PointId];
            }
            catch (Exception e) when (e is not InvalidOperationException && attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
            }
        }
    }
}

/// <summary>One request of a click: when it was sent (from the load's start), how long its answer took, and what it was.</summary>
internal sealed record Attempt(TimeSpan At, TimeSpan Took, string Outcome)
{
    /// <summary>Neither answered with the updated card nor with a stale one: the person has to click again.</summary>
    public bool Failed => Outcome is not (ClickLoad.Accepted or ClickLoad.Stale);
}

/// <param name="Clicks">Clicks started (each may take several attempts).</param>
/// <param name="Skipped">Arrivals that found no free point (none expected).</param>
/// <param name="Resolved">For each click answered in the end: from its first attempt to its answer, as the person saw it.</param>
internal sealed record ClickLoadResult(int Clicks, long Skipped, IReadOnlyList<Attempt> Attempts, IReadOnlyList<TimeSpan> Resolved, TimeSpan Elapsed)
{
    public int Accepted => Attempts.Count(a => a.Outcome == ClickLoad.Accepted);

    public IReadOnlyDictionary<string, int> Failures =>
        Attempts.Where(a => a.Failed).GroupBy(a => a.Outcome).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public int GivenUp => Clicks - Resolved.Count;
}
