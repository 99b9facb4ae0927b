namespace ChatOps.Bot.Protocol.Connector;

/// <summary>
/// Teams' rate limits for a bot: per conversation thread 7 sends/1 s, 8/2 s, 60/30 s and 1800/1 h, and
/// about 30 requests/s for the app overall. Callers queue (wait through the TimeProvider), never dropped.
/// </summary>
/// <remarks>
/// Each call reserves its slot under one lock, at the earliest time that keeps every limit and is not
/// before the conversation's previous reservation (so a conversation is served first come, first
/// served), then waits for it. Reserving ahead lets one conversation's backlog hold app-wide slots
/// only as fast as its own limits release them, so other conversations slot in between.
/// </remarks>
internal sealed class ConversationRateLimiter
{
    internal static readonly RateLimit[] PerConversation =
        [new(7, TimeSpan.FromSeconds(1)), new(8, TimeSpan.FromSeconds(2)), new(60, TimeSpan.FromSeconds(30)), new(1800, TimeSpan.FromHours(1))];

    internal static readonly RateLimit[] PerApp = [new(30, TimeSpan.FromSeconds(1))];

    private static readonly TimeSpan LongestWindow = TimeSpan.FromHours(1);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly Lock _lock = new();
    private readonly SendLog _app = new(PerApp);
    private readonly Dictionary<string, SendLog> _conversations = new(StringComparer.Ordinal);
    private TimeSpan _lastSweep;

    public ConversationRateLimiter(TimeProvider time)
    {
        _time = time;
        _start = time.GetTimestamp();
    }

    /// <summary>Conversations with sends in the last hour (or queued): what memory is held for.</summary>
    public int TrackedConversations
    {
        get { lock (_lock) return _conversations.Count; }
    }

    /// <summary>Waits until a request to <paramref name="conversationId"/> (null: no conversation, app limit only) may go out.</summary>
    public async Task AcquireAsync(string? conversationId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        SendLog? conversation = null;
        TimeSpan at, now;
        lock (_lock)
        {
            now = Now();
            Sweep(now);
            _app.Prune(now - PerApp[0].Window);
            at = now;
            if (conversationId is not null)
            {
                conversation = Conversation(conversationId, now);
                at = conversation.EarliestAt(conversation.Last is { } last && last > now ? last : now);
            }
            // Any time after `at` still keeps the conversation's limits: its log only grows at the end.
            at = _app.EarliestAt(at);
            conversation?.Add(at);
            _app.Add(at);
        }
        if (at <= now)
            return;
        try
        {
            await Task.Delay(at - now, _time, ct);
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                conversation?.Remove(at);
                _app.Remove(at);
            }
            throw;
        }
    }

    private TimeSpan Now() => _time.GetElapsedTime(_start);

    private SendLog Conversation(string id, TimeSpan now)
    {
        if (!_conversations.TryGetValue(id, out var log))
            _conversations[id] = log = new SendLog(PerConversation);
        log.Prune(now - LongestWindow);
        return log;
    }

    /// <summary>Drops conversations idle for an hour, so memory follows recent traffic, not all history.</summary>
    private void Sweep(TimeSpan now)
    {
        if (now - _lastSweep < SweepInterval)
            return;
        _lastSweep = now;
        List<string>? idle = null;
        foreach (var (id, log) in _conversations)
        {
            log.Prune(now - LongestWindow);
            if (log.Count == 0)
                (idle ??= []).Add(id);
        }
        foreach (var id in idle ?? [])
            _conversations.Remove(id);
    }
}
