using System.Diagnostics;
using ChatOps.Bot.Protocol.Activities;
using Activity = ChatOps.Bot.Protocol.Activities.Activity;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Protocol.Deduplication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Benchmarks.Load;

/// <summary>
/// Cheap profiling: stopwatches around the bot's storage and connector calls (decorators in the
/// benchmark's DI only), so a turn's time splits into table I/O, connector I/O and the rest.
/// </summary>
internal sealed class StageClock
{
    public const string Request = "the whole request inside Kestrel (outermost middleware)";
    public const string Claim = "table: claim (AddEntity)";
    public const string Complete = "table: complete (UpsertEntity)";
    public const string Send = "connector: POST activity";
    private readonly Dictionary<string, long[]> _stages = new(StringComparer.Ordinal)
    {
        [Request] = new long[2],
        [Claim] = new long[2],
        [Complete] = new long[2],
        [Send] = new long[2],
    };

    private volatile bool _running;

    /// <summary>Counts calls that end from now on, adding to what was counted (a measured window split into rounds).</summary>
    public void Resume() => _running = true;

    /// <summary>Calls that end from now on are not counted.</summary>
    public void Pause() => _running = false;

    public void Reset()
    {
        foreach (var totals in _stages.Values)
            Interlocked.Exchange(ref totals[0], 0);
        foreach (var totals in _stages.Values)
            Interlocked.Exchange(ref totals[1], 0);
    }

    /// <summary>Stage → (calls, mean ms per call).</summary>
    public IReadOnlyList<(string Stage, long Calls, double MeanMs)> Read() =>
        [.. _stages.Select(s => (s.Key, Volatile.Read(ref s.Value[0]), Volatile.Read(ref s.Value[1]) * 1000.0 / Stopwatch.Frequency / Math.Max(1, Volatile.Read(ref s.Value[0]))))];

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            Add(stage, Stopwatch.GetTimestamp() - start);
        }
    }

    public async Task TimeAsync(string stage, Func<Task> call) =>
        await TimeAsync(stage, async () => { await call(); return 0; });

    public static void Instrument(IServiceCollection services, StageClock clock)
    {
        Decorate<IProcessedActivities>(services, inner => new TimedProcessedActivities(inner, clock));
        Decorate<IConnectorClient>(services, inner => new TimedConnector(inner, clock));
        services.AddSingleton<IStartupFilter>(new TimedRequests(clock));
    }

    private void Add(string stage, long ticks)
    {
        if (!_running)
            return;
        var totals = _stages[stage];
        Interlocked.Increment(ref totals[0]);
        Interlocked.Add(ref totals[1], ticks);
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(T), sp => wrap((T)Create(original, sp)), original.Lifetime));
    }

    private static object Create(ServiceDescriptor d, IServiceProvider sp) =>
        d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!);

    private sealed class TimedRequests(StageClock clock) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) => clock.TimeAsync(Request, () => inner(http)));
            next(app);
        };
    }

    private sealed class TimedProcessedActivities(IProcessedActivities inner, StageClock clock) : IProcessedActivities
    {
        public Task<ClaimResult> TryClaimAsync(Activity activity, CancellationToken ct) => clock.TimeAsync(Claim, () => inner.TryClaimAsync(activity, ct));

        public Task CompleteAsync(Activity activity, string? invokeResponseJson, CancellationToken ct) => clock.TimeAsync(Complete, () => inner.CompleteAsync(activity, invokeResponseJson, ct));

        public Task ReleaseAsync(Activity activity, CancellationToken ct) => inner.ReleaseAsync(activity, ct);
    }

    private sealed class TimedConnector(IConnectorClient inner, StageClock clock) : IConnectorClient
    {
        public Task<ResourceResponse> SendAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
            clock.TimeAsync(Send, () => inner.SendAsync(serviceUrl, conversationId, activity, ct));

        public Task<ResourceResponse> ReplyAsync(Uri serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct) =>
            inner.ReplyAsync(serviceUrl, conversationId, replyToId, activity, ct);

        public Task<ResourceResponse> UpdateAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
            inner.UpdateAsync(serviceUrl, conversationId, activityId, activity, ct);

        public Task DeleteAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken ct) => inner.DeleteAsync(serviceUrl, conversationId, activityId, ct);

        public Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
            inner.CreateConversationAsync(serviceUrl, parameters, ct);

        public Task<IReadOnlyList<ChannelAccount>> GetMembersAsync(Uri serviceUrl, string conversationId, CancellationToken ct) =>
            inner.GetMembersAsync(serviceUrl, conversationId, ct);
    }
}
