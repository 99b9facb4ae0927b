using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// One drill: declare the incidents, click their checklists at a steady rate while the chosen faults strike, wait for the
/// clocks' reminders to fall due, then check what the bot recorded and sent against what the load knows it did.
/// </summary>
internal static class FaultRun
{
    public static readonly string[] Points = ["CP-01", "CP-03", "CP-04"];
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);

    public static async Task<FaultRunResult> RunAsync(FaultRunOptions options, Action<string> progress)
    {
        var clocks = FaultClocks.For(options.Load);
        await using var rig = await FaultRig.StartAsync(clocks, options.Faults.Contains(FaultPlan.Azurite), progress);
        try
        {
            return await RunAsync(rig, options, progress);
        }
        catch
        {
            progress($"The run failed; its logs are in {rig.Folder}.");
            throw;
        }
    }

    private static async Task<FaultRunResult> RunAsync(FaultRig rig, FaultRunOptions options, Action<string> progress)
    {
        var problems = new List<string>();
        var declaring = Stopwatch.GetTimestamp();
        var incidents = await rig.DeclareAsync(options.Incidents);
        progress(string.Create(CultureInfo.InvariantCulture, $"Declared {incidents.Count} of {options.Incidents} incidents in {Stopwatch.GetElapsedTime(declaring).TotalSeconds:0.0} s."));
        if (incidents.Count != options.Incidents)
            problems.Add($"only {incidents.Count} of {options.Incidents} declarations were confirmed");

        var slots = incidents.SelectMany(i => Points.Select(p => new ClickSlot(i, p))).ToArray();
        var load = new ClickLoad((incident, point, from, to, revision) => rig.Activities.Click(rig.Bot.Endpoint, incident, point, from, to, revision), rig.Store, rig.Time);
        var plan = new FaultPlan(rig, options.Load, options.Outage);
        using var stop = new CancellationTokenSource(options.Load * 3 + TimeSpan.FromMinutes(10));
        var started = rig.Time.GetTimestamp();
        var memory = new List<BotMemorySample>();
        using var sampling = new CancellationTokenSource();
        var sampler = SampleAsync(rig, started, memory, sampling.Token);
        progress(string.Create(CultureInfo.InvariantCulture, $"Load from {rig.Time.GetUtcNow():HH:mm:ss} UTC: {options.PerSecond:0.#} clicks/s for {options.Warmup.TotalSeconds:0} s of warm-up and {options.Duration.TotalSeconds:0} s over {slots.Length} checklist points; faults: {(options.Faults.Count == 0 ? "none" : string.Join(", ", options.Faults))}."));
        var faults = plan.RunAsync(options.Faults, started, progress, stop.Token);
        var clicks = await load.RunAsync(slots, options.PerSecond, options.Load, stop.Token);
        await faults;
        await WriteAttemptsAsync(clicks, Path.Combine(rig.Folder, "attempts.csv"));
        progress(string.Create(CultureInfo.InvariantCulture, $"Load over: {clicks.Accepted} clicks accepted, {clicks.Failures.Values.Sum()} attempts failed, {clicks.GivenUp} given up."));

        var timelines = await SettleAsync(rig, incidents, options.Settle, progress);
        await sampling.CancelAsync();
        await sampler;

        var reminders = CheckReminders(rig, timelines, problems);
        CheckClicks(slots, timelines, problems);
        CheckChains(timelines, problems);
        if (options.Faults.Count == 0 && clicks.Failures.Count > 0)
            problems.Add($"clicks failed without any fault: {string.Join(", ", clicks.Failures.Select(f => $"{f.Key} ×{f.Value}"))}");
        // Memory is judged without faults only: a killed and restarted process warms up again.
        if (options.Faults.Count == 0 && FaultsReport.Growth(memory, options.Warmup) is { } growth && growth >= Statistics.FlatMbPer10Minutes)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the bot's memory grows: {growth:0} MB per 10 minutes after warm-up"));
        if (clicks.GivenUp > 0)
            problems.Add($"{clicks.GivenUp} clicks got no answer for 4 minutes and were given up");
        return new FaultRunResult(options, incidents.Count, slots, clicks, plan.Windows, reminders, memory, rig.Bot.Starts, problems, rig.Folder);
    }

    /// <summary>Every attempt of the load (sent at, seconds from the load's start; took, ms; outcome), kept with the run's logs.</summary>
    private static Task WriteAttemptsAsync(ClickLoadResult clicks, string path) =>
        File.WriteAllLinesAsync(path, ["sent_s,took_ms,outcome", .. clicks.Attempts.OrderBy(a => a.At).Select(a =>
            string.Create(CultureInfo.InvariantCulture, $"{a.At.TotalSeconds:0.000},{a.Took.TotalMilliseconds:0},{a.Outcome.Replace(',', ';')}"))]);

    /// <summary>Waits until every incident's reminders are due and recorded (bounded); returns the timelines as they are then.</summary>
    private static async Task<IReadOnlyDictionary<string, StoredTimeline>> SettleAsync(FaultRig rig, IReadOnlyList<string> incidents, TimeSpan settle, Action<string> progress)
    {
        var until = Stopwatch.GetTimestamp() + (long)(settle.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var timelines = await ReadAsync(rig, incidents);
            var lastDue = timelines.Values.Select(t => rig.Clocks.LastDue(t.DeclaredAt)).DefaultIfEmpty(rig.Time.GetUtcNow()).Max();
            var missing = timelines.Values.Sum(t => rig.Clocks.Due(t.DeclaredAt).Count(d => !t.Events.Any(e => Matches(e, d))));
            var posts = PostedCards(rig);
            var undelivered = missing + timelines.Values.Sum(t => rig.Clocks.Due(t.DeclaredAt).Count(d => Deliveries(posts, t, d) == 0));
            if ((missing == 0 && undelivered == 0 && rig.Time.GetUtcNow() > lastDue) || Stopwatch.GetTimestamp() > until)
            {
                progress($"Settled: {missing} reminders not recorded, {undelivered} not delivered.");
                return timelines;
            }
            await Task.Delay(TimeSpan.FromSeconds(5), rig.Time);
        }
    }

    private static async Task<IReadOnlyDictionary<string, StoredTimeline>> ReadAsync(FaultRig rig, IReadOnlyList<string> incidents)
    {
        var read = new Dictionary<string, StoredTimeline>(StringComparer.Ordinal);
        foreach (var id in incidents)
        {
            var stored = await rig.Store.GetAsync(id, default) ?? throw new InvalidOperationException($"{id} is not stored.");
            var events = await rig.Store.ReadTimelineAsync(id, default);
            read[id] = new StoredTimeline(id, stored.Incident.Channel?.ConversationId ?? "", stored.Incident.TimelineHead, events);
        }
        return read;
    }

    private static bool Matches(TimelineEvent e, DueReminder due) =>
        e.Type is "sla.warning" or "sla.breached" && (string?)e.Data["clock"] == due.Clock.Id && (int?)e.Data["percent"] == due.Percent;

    /// <summary>
    /// The first text of each card the connector accepted (2xx) as a new message, by conversation: a reminder's headline is
    /// its card's first text (a breach's page card quotes it further down, as the page's message). Read once per check.
    /// </summary>
    private static ILookup<string, string> PostedCards(FaultRig rig) =>
        rig.Connector.Requests
            .Where(r => r.Method == "POST" && r.Status < 300 && r.Path.StartsWith("/v3/conversations/", StringComparison.Ordinal) && r.Path.EndsWith("/activities", StringComparison.Ordinal))
            .Select(r => (Thread: r.Path["/v3/conversations/".Length..^"/activities".Length], First: Texts(r.Body).FirstOrDefault()))
            .Where(p => p.First is not null)
            .ToLookup(p => p.Thread, p => p.First!, StringComparer.Ordinal);

    /// <summary>The reminder's cards accepted in the incident's thread.</summary>
    private static int Deliveries(ILookup<string, string> posts, StoredTimeline timeline, DueReminder due) =>
        posts[timeline.Thread].Count(first => due.IsIn(first, timeline.IncidentId));

    private static ReminderCheck CheckReminders(FaultRig rig, IReadOnlyDictionary<string, StoredTimeline> timelines, List<string> problems)
    {
        var (due, recordedOnce, deliveredOnce) = (0, 0, 0);
        var posts = PostedCards(rig);
        var lateness = new List<TimeSpan>();
        foreach (var timeline in timelines.Values)
        {
            foreach (var reminder in rig.Clocks.Due(timeline.DeclaredAt))
            {
                due++;
                var recorded = timeline.Events.Where(e => Matches(e, reminder)).ToList();
                var delivered = Deliveries(posts, timeline, reminder);
                if (recorded.Count == 1)
                {
                    recordedOnce++;
                    lateness.Add(recorded[0].At - reminder.DueAt);
                }
                else
                    problems.Add($"{timeline.IncidentId}: the {reminder} reminder is on the timeline {recorded.Count} times");
                if (delivered == 1)
                    deliveredOnce++;
                else
                    problems.Add($"{timeline.IncidentId}: the {reminder} reminder was delivered {delivered} times");
            }
        }
        lateness.Sort();
        return new ReminderCheck(due, recordedOnce, deliveredOnce, lateness.Count == 0 ? TimeSpan.Zero : lateness[lateness.Count / 2], lateness.Count == 0 ? TimeSpan.Zero : lateness[^1]);
    }

    /// <summary>Each point's status changes on the timeline are exactly the changes the load knows of, in order.</summary>
    private static void CheckClicks(IReadOnlyList<ClickSlot> slots, IReadOnlyDictionary<string, StoredTimeline> timelines, List<string> problems)
    {
        foreach (var slot in slots)
        {
            var recorded = timelines[slot.IncidentId].Events
                .Where(e => e.Type == "point.status" && (string?)e.Data["point"] == slot.PointId)
                .Select(e => $"{e.Data["from"]}→{e.Data["to"]}")
                .ToList();
            var known = slot.Applied.Select(c => c.ToString()).ToList();
            var matches = recorded.SequenceEqual(known) || (slot.Unresolved is { } open && recorded.SequenceEqual([.. known, open.ToString()]));
            if (!matches)
                problems.Add($"{slot.IncidentId} {slot.PointId}: the timeline has [{string.Join(", ", recorded)}], the load knows of [{string.Join(", ", known)}]");
        }
    }

    private static void CheckChains(IReadOnlyDictionary<string, StoredTimeline> timelines, List<string> problems)
    {
        foreach (var timeline in timelines.Values)
        {
            var result = ChainVerification.Verify(timeline.Events, timeline.Head);
            if (!result.Intact)
                problems.Add($"{timeline.IncidentId}: the timeline does not verify at event {result.BrokenAt}: {result.Reason}");
        }
    }

    private static async Task SampleAsync(FaultRig rig, long started, List<BotMemorySample> samples, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (rig.Bot.Resident() is { Bytes: > 0 } resident)
            {
                lock (samples)
                    samples.Add(new BotMemorySample(rig.Time.GetElapsedTime(started), resident, rig.Bot.Starts));
            }
            try
            {
                await Task.Delay(SampleEvery, rig.Time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Every "text" string of a posted activity (its card's text blocks and runs).</summary>
    internal static IEnumerable<string> Texts(string body)
    {
        if (body.Length == 0)
            return [];
        var texts = new List<string>();
        Collect(JsonDocument.Parse(body).RootElement, texts);
        return texts;

        static void Collect(JsonElement element, List<string> into)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "text" && property.Value.ValueKind == JsonValueKind.String)
                        into.Add(property.Value.GetString()!);
                    else
                        Collect(property.Value, into);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                    Collect(item, into);
            }
        }
    }
}

/// <summary>An incident's stored timeline, the thread its reminders go to, and the head hash the incident row holds.</summary>
internal sealed record StoredTimeline(string IncidentId, string Thread, string Head, IReadOnlyList<TimelineEvent> Events)
{
    public DateTimeOffset DeclaredAt => Events[0].At;
}

/// <param name="Due">Reminders due by the end; <paramref name="RecordedOnce"/> and <paramref name="DeliveredOnce"/> of them exactly once.</param>
/// <param name="MedianLate">How long after its due time the median reminder was recorded; <paramref name="MaxLate"/> the latest.</param>
internal sealed record ReminderCheck(int Due, int RecordedOnce, int DeliveredOnce, TimeSpan MedianLate, TimeSpan MaxLate);

/// <summary>The bot's resident set at a moment of the load, and which start of the process it was.</summary>
internal sealed record BotMemorySample(TimeSpan At, ResidentSet Resident, int Start)
{
    public long Bytes => Resident.Bytes;
}

/// <param name="Duration">The load measured; <see cref="Warmup"/> at the same rate comes before it.</param>
internal sealed record FaultRunOptions(int Incidents, double PerSecond, TimeSpan Duration, TimeSpan Outage, TimeSpan Settle, IReadOnlyCollection<string> Faults)
{
    /// <summary>Load before the measured <see cref="Duration"/>, while the JIT tiers the hot code up and the GC sizes its heap.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    /// <summary>The whole load: warm-up and measured.</summary>
    public TimeSpan Load => Warmup + Duration;
}

internal sealed record FaultRunResult(
    FaultRunOptions Options, int Incidents, IReadOnlyList<ClickSlot> Slots, ClickLoadResult Clicks, IReadOnlyList<FaultWindow> Windows, ReminderCheck Reminders,
    IReadOnlyList<BotMemorySample> Memory, int BotStarts, IReadOnlyList<string> Problems, string Folder)
{
    public int OnTimeline => Slots.Sum(s => s.Applied.Count);

    public int Proven => Slots.Sum(s => s.Proven);
}
