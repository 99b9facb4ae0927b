namespace ChatOps.Incidents.Timeline;

/// <summary>Recomputes a timeline's hash chain and names the first broken link.</summary>
public static class ChainVerification
{
    public static ChainResult Verify(IReadOnlyList<TimelineEvent> events, string? expectedHead = null)
    {
        var previous = TimelineEvent.Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1)
                return ChainResult.Broken(events.Count, i + 1, $"event {i + 1} is missing (found {e.Sequence} in its place)");
            if (e.PreviousHash != previous)
                return ChainResult.Broken(events.Count, e.Sequence, $"event {e.Sequence} does not follow event {e.Sequence - 1}");
            if (!e.HashIsValid)
                return ChainResult.Broken(events.Count, e.Sequence, $"event {e.Sequence} was altered after it was recorded");
            previous = e.Hash;
        }
        if (expectedHead is not null && expectedHead != previous)
            return ChainResult.Broken(events.Count, events.Count + 1, "events after the last one shown are missing");
        return new ChainResult(true, events.Count, null, null);
    }
}

/// <summary>"Intact, N events", or the first broken link and why.</summary>
public sealed record ChainResult(bool Intact, int Count, long? BrokenAt, string? Reason)
{
    public static ChainResult Broken(int count, long at, string reason) => new(false, count, at, reason);
}
