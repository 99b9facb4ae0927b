using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChatOps.Incidents.Pages;
using ChatOps.Incidents.Telemetry;

namespace ChatOps.Bot.Telemetry;

/// <summary>
/// The bot's instruments, on the host's meter "ChatOps". Tags are low-cardinality by construction: names the code or the
/// configuration defines (activity types, verbs, clocks, severities, reasons), never user text, people, tenants or titles.
/// </summary>
internal sealed class ChatOpsMetrics
{
    /// <summary>OpenTelemetry's HTTP duration buckets (seconds).</summary>
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private static readonly double[] AckBuckets = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400];

    private readonly Histogram<double> _turns;
    private readonly Histogram<double> _invokes;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _slaWarnings;
    private readonly Counter<long> _slaBreaches;
    private readonly Counter<long> _pagesSent;
    private readonly Counter<long> _pagesEscalated;
    private readonly Counter<long> _pagesAcked;
    private readonly Histogram<double> _timeToAck;

    public ChatOpsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ChatOpsTelemetry.Name, ChatOpsTelemetry.Version);
        _turns = meter.CreateHistogram<double>("chatops.turn.duration", "s", "Time to answer one POST to /api/messages.", advice: new() { HistogramBucketBoundaries = LatencyBuckets });
        _invokes = meter.CreateHistogram<double>("chatops.invoke.duration", "s", "Time to handle one card action (Action.Execute or Action.Submit).", advice: new() { HistogramBucketBoundaries = LatencyBuckets });
        _retries = meter.CreateCounter<long>("chatops.outbound.retries", "{retry}", "Outbound calls retried, by target and the answer that caused the retry.");
        _throttled = meter.CreateCounter<long>("chatops.outbound.throttled", "{response}", "429 Too Many Requests answers received, retried or not.");
        _slaWarnings = meter.CreateCounter<long>("chatops.sla.warnings", "{warning}", "Contract clock warnings announced (thresholds under 100 %).");
        _slaBreaches = meter.CreateCounter<long>("chatops.sla.breaches", "{breach}", "Contract clocks announced as breached.");
        _pagesSent = meter.CreateCounter<long>("chatops.pages.sent", "{page}", "Pages started (their first level).");
        _pagesEscalated = meter.CreateCounter<long>("chatops.pages.escalated", "{page}", "Pages escalated to a next level.");
        _pagesAcked = meter.CreateCounter<long>("chatops.pages.acked", "{page}", "Pages acknowledged (the first Ack of each).");
        _timeToAck = meter.CreateHistogram<double>("chatops.page.time_to_ack", "s", "From a page's first level to its Ack.", advice: new() { HistogramBucketBoundaries = AckBuckets });
    }

    public void Turn(TimeSpan elapsed, string activityType, string? invokeName, string outcome, int status)
    {
        var tags = new TagList { { "chatops.activity.type", activityType }, { "chatops.turn.outcome", outcome }, { "http.response.status_code", status } };
        if (invokeName is not null)
            tags.Add("chatops.invoke.name", invokeName);
        _turns.Record(elapsed.TotalSeconds, tags);
    }

    public void Invoke(TimeSpan elapsed, string verb, string action, string outcome, string? errorType)
    {
        var tags = new TagList { { "chatops.card.verb", verb }, { "chatops.card.action", action }, { "chatops.invoke.outcome", outcome } };
        if (errorType is not null)
            tags.Add("error.type", errorType);
        _invokes.Record(elapsed.TotalSeconds, tags);
    }

    /// <param name="status">The answer that is retried; null for a transport failure, then named by <paramref name="errorType"/>.</param>
    public void Retry(string target, int? status, string? errorType = null) =>
        _retries.Add(1, status is { } s
            ? new TagList { { "chatops.outbound.target", target }, { "http.response.status_code", s } }
            : new TagList { { "chatops.outbound.target", target }, { "error.type", errorType ?? "transport" } });

    public void Throttled(string target) => _throttled.Add(1, new KeyValuePair<string, object?>("chatops.outbound.target", target));

    public void SlaThreshold(string clock, string severity, int percent)
    {
        if (percent >= 100)
            _slaBreaches.Add(1, new TagList { { "chatops.sla.clock", clock }, { "chatops.incident.severity", severity } });
        else
            _slaWarnings.Add(1, new TagList { { "chatops.sla.clock", clock }, { "chatops.incident.severity", severity }, { "chatops.sla.percent", percent } });
    }

    /// <summary>A page's latest level was paged: level 1 is a page sent, a higher one an escalation.</summary>
    public void Paged(Page page)
    {
        if (page.Level <= 1)
            _pagesSent.Add(1, new KeyValuePair<string, object?>("chatops.page.reason", Reason(page)));
        else
            _pagesEscalated.Add(1, new TagList { { "chatops.page.reason", Reason(page) }, { "chatops.page.level", page.Level } });
    }

    public void Acked(Page page)
    {
        var tags = new TagList { { "chatops.page.reason", Reason(page) }, { "chatops.page.level", page.Level } };
        _pagesAcked.Add(1, tags);
        if (page.AckedAt is { } at)
            _timeToAck.Record((at - page.CreatedAt).TotalSeconds, tags);
    }

    private static string Reason(Page page) => page.Reason switch
    {
        PageReason.Declared => "declared",
        PageReason.Breach => "breach",
        _ => "manual",
    };
}
