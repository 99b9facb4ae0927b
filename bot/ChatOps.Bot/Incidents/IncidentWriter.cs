using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Bot.Incidents;

/// <summary>Applies a change to the freshest state and stores it with its events, reapplying when another change won the race.</summary>
internal sealed class IncidentWriter(IIncidentStore store)
{
    private const int Attempts = 5;

    public Task<StoredIncident?> AppendAsync(string incidentId, Func<Incident, IReadOnlyList<TimelineEvent>> change, CancellationToken ct) =>
        AppendAsync(incidentId, (StoredIncident stored) => change(stored.Incident), ct);

    /// <summary>The same, for a change that needs the incident as stored (e.g. to keep it beside what it was loaded with).</summary>
    public async Task<StoredIncident?> AppendAsync(string incidentId, Func<StoredIncident, IReadOnlyList<TimelineEvent>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(incidentId, ct);
            if (stored is null)
                return null;
            var events = change(stored);
            try
            {
                return events.Count == 0 ? stored : await store.SaveAsync(stored, events, ct);
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
            }
        }
    }
}
