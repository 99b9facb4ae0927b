using System.Collections.Concurrent;
using System.Diagnostics;
using ChatOps.Incidents.Telemetry;

namespace ChatOps.Bot.Tests.Telemetry;

/// <summary>
/// Records the ChatOps spans (and ASP.NET Core's, which continue an inbound traceparent) of the whole process; a test
/// finds its own by the trace of a span it started, since hosts of other tests run at the same time.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    public const string TestSource = "ChatOps.Tests";
    private static readonly ActivitySource Test = new(TestSource);
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is ChatOpsTelemetry.Name or TestSource or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>A parent span whose trace the test's own work joins.</summary>
    public static Activity StartTrace(string name) => Test.StartActivity(name, ActivityKind.Internal) ?? throw new InvalidOperationException("No listener");

    public IReadOnlyList<Activity> InTrace(ActivityTraceId trace) =>
        [.. _stopped.Where(a => a.TraceId == trace && a.Source.Name == ChatOpsTelemetry.Name)];

    public async Task<Activity> WaitForAsync(ActivityTraceId trace, string name, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (InTrace(trace).FirstOrDefault(a => a.DisplayName == name) is { } found)
                return found;
            try
            {
                await Task.Delay(20, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No span {name}; the trace has: {string.Join(", ", InTrace(trace).Select(a => a.DisplayName))}");
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
