using ChatOps.Bot.Incidents;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Bot.Sla;

/// <summary>
/// The incident store, scheduling the clock thresholds a change implies once it is stored: a clock started,
/// resumed or moved, or a warning announced (the clock's next threshold). Scheduling one occurrence twice is harmless (it fires once), so it need not be exact.
/// </summary>
internal sealed class SchedulingIncidentStore(
    IIncidentStore inner, SlaCatalog sla, IDeadlineScheduler scheduler, IDeadlineSweeps sweeps, ILogger<SchedulingIncidentStore> log) : IIncidentStore
{
    /// <summary>Events that resume a paused clock or follow an announced warning; the policies add those that start a clock.</summary>
    private static readonly string[] ResumingEvents = ["approval.decided", "approval.expired", "approval.revised", "gate.overridden", "sla.warning"];

    /// <summary>Only these can give a clock a new due time: a checklist click, say, need not touch the queue.</summary>
    private readonly Lazy<HashSet<string>> _clockEvents = new(() =>
        [.. sla.Data.Policies.SelectMany(p => p.Clocks).Select(c => c.Starts.Type).Concat(ResumingEvents)]);

    public Task<string> NextIdAsync(int year, CancellationToken ct) => inner.NextIdAsync(year, ct);

    public Task<string> IdForDeclarationAsync(string declarationId, int year, CancellationToken ct) => inner.IdForDeclarationAsync(declarationId, year, ct);

    public Task BindConversationAsync(string conversationId, string incidentId, CancellationToken ct) => inner.BindConversationAsync(conversationId, incidentId, ct);

    public Task<string?> FindByConversationAsync(string conversationId, CancellationToken ct) => inner.FindByConversationAsync(conversationId, ct);

    public async Task<StoredIncident> CreateAsync(Incident incident, IReadOnlyList<TimelineEvent> events, CancellationToken ct) =>
        await ScheduleAsync(await inner.CreateAsync(incident, events, ct), events, ct);

    public Task<StoredIncident?> GetAsync(string incidentId, CancellationToken ct) => inner.GetAsync(incidentId, ct);

    public async Task<StoredIncident> SaveAsync(StoredIncident loaded, IReadOnlyList<TimelineEvent> events, CancellationToken ct) =>
        await ScheduleAsync(await inner.SaveAsync(loaded, events, ct), events, ct);

    public Task<IReadOnlyList<TimelineEvent>> ReadTimelineAsync(string incidentId, CancellationToken ct) => inner.ReadTimelineAsync(incidentId, ct);

    public IAsyncEnumerable<Incident> ListOpenAsync(CancellationToken ct) => inner.ListOpenAsync(ct);

    private async Task<StoredIncident> ScheduleAsync(StoredIncident stored, IReadOnlyList<TimelineEvent> events, CancellationToken ct)
    {
        if (!events.Any(e => _clockEvents.Value.Contains(e.Type)))
            return stored;
        try
        {
            foreach (var pending in SlaDeadline.Pending(stored.Incident, sla))
                await scheduler.ScheduleAsync(pending.Job, pending.DueAt, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is stored, and its thresholds with it: a sweep reads them back, retrying until the queue answers.
            sweeps.RequestSweep();
            log.LogWarning(e, "Could not schedule the SLA thresholds of {IncidentId}; an early sweep schedules them", stored.Incident.Id);
        }
        return stored;
    }
}
