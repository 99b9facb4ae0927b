namespace ChatOps.Bot.Protocol.Connector;

/// <summary>At most <paramref name="Count"/> sends in any window of length <paramref name="Window"/>.</summary>
internal readonly record struct RateLimit(int Count, TimeSpan Window);

/// <summary>
/// The sorted times of sends granted (some still in the future, as reservations), checked against
/// sliding-window limits. Times are offsets on a monotonic clock; not thread-safe (the limiter locks).
/// </summary>
internal sealed class SendLog(IReadOnlyList<RateLimit> limits)
{
    private readonly List<TimeSpan> _times = [];

    public int Count => _times.Count;

    public TimeSpan? Last => _times.Count == 0 ? null : _times[^1];

    /// <summary>The earliest time at or after <paramref name="from"/> at which one more send keeps every limit.</summary>
    public TimeSpan EarliestAt(TimeSpan from)
    {
        var at = from;
        // Each round moves strictly later, to the end of a window that blocked; entries are finite.
        while (BlockedUntil(at) is { } later)
            at = later;
        return at;
    }

    public void Add(TimeSpan at) => _times.Insert(UpperBound(at), at);

    /// <summary>Gives back a reservation that was not used; fewer entries can never break a limit.</summary>
    public void Remove(TimeSpan at)
    {
        var i = UpperBound(at) - 1;
        if (i >= 0 && _times[i] == at)
            _times.RemoveAt(i);
    }

    /// <summary>Forgets sends older than <paramref name="before"/>: they can no longer count in any window.</summary>
    public void Prune(TimeSpan before)
    {
        var stale = LowerBound(before);
        if (stale > 0)
            _times.RemoveRange(0, stale);
    }

    /// <summary>Null when a send at <paramref name="at"/> keeps every limit, else a later time worth trying.</summary>
    private TimeSpan? BlockedUntil(TimeSpan at)
    {
        TimeSpan? later = null;
        var p = UpperBound(at);
        foreach (var (count, window) in limits)
        {
            // A send at `at` breaks a limit iff `count` consecutive entries plus it fit inside one window;
            // only the runs next to position p can be the tightest, so those are the ones checked.
            var last = Math.Min(p, _times.Count - count);
            for (var i = Math.Max(0, p - count); i <= last; i++)
            {
                var first = _times[i];
                var end = _times[i + count - 1];
                var span = (end > at ? end : at) - (first < at ? first : at);
                // Every time before first + window is blocked by this run, whether it lies before or after `at`.
                if (span < window && (later is null || first + window > later))
                    later = first + window;
            }
        }
        return later;
    }

    private int UpperBound(TimeSpan at)
    {
        int lo = 0, hi = _times.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_times[mid] <= at) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private int LowerBound(TimeSpan at)
    {
        int lo = 0, hi = _times.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_times[mid] < at) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
