using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Incidents;

/// <summary>One feature's deadlines among the open incidents (SLA thresholds, page escalations, report compilations).</summary>
internal interface IIncidentDeadlines
{
    Task<IReadOnlyList<PendingDeadline>> PendingAsync(IReadOnlyList<Incident> open, CancellationToken ct);
}

/// <summary>
/// At start and each sweep: every feature's pending deadlines, from one read of the open incidents (a scan of the
/// incidents table, the costly part of a restart), rather than one read per feature.
/// </summary>
internal sealed class OpenIncidentDeadlines(IIncidentStore store, IEnumerable<IIncidentDeadlines> features) : IDeadlineSource
{
    public async Task<IReadOnlyList<PendingDeadline>> ListPendingAsync(CancellationToken ct)
    {
        var open = new List<Incident>();
        await foreach (var incident in store.ListOpenAsync(ct))
            open.Add(incident);
        var pending = new List<PendingDeadline>();
        foreach (var feature in features)
            pending.AddRange(await feature.PendingAsync(open, ct));
        return pending;
    }
}
