using System.Globalization;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Pages;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Pages;
using ChatOps.Incidents.Sla;

namespace ChatOps.Bot.Sla;

/// <summary>The deadlines of the contract clocks: one per threshold of a running clock, named by when it falls due.</summary>
internal static class SlaDeadline
{
    public const string Kind = "sla-threshold";

    /// <summary>A pause moves a due time; the occurrence names the due time, so the moved one is a new occurrence.</summary>
    public static PendingDeadline For(SlaThreshold t) =>
        new(new DeadlineJob(Kind, t.IncidentId, t.ClockId, string.Create(CultureInfo.InvariantCulture, $"{t.Percent}%@{t.DueAt.UtcTicks}")), t.DueAt);

    /// <summary>The threshold an occurrence names, with the due time it was scheduled for.</summary>
    public static SlaThreshold Threshold(DeadlineJob job)
    {
        var percent = job.Occurrence.IndexOf('%', StringComparison.Ordinal);
        var due = job.Occurrence.IndexOf('@', StringComparison.Ordinal);
        return new SlaThreshold(job.IncidentId, job.TargetId, int.Parse(job.Occurrence[..percent], CultureInfo.InvariantCulture),
            new DateTimeOffset(long.Parse(job.Occurrence[(due + 1)..], CultureInfo.InvariantCulture), TimeSpan.Zero));
    }

    /// <summary>Each running clock's next threshold only: announcing it schedules the one after.</summary>
    public static IEnumerable<PendingDeadline> Pending(Incident incident, SlaCatalog sla) =>
        sla.Policy(incident.SlaPolicyId) is { } policy
            ? incident.PendingThresholds(policy.Warnings, sla.Calendar).GroupBy(t => t.ClockId).Select(g => For(g.MinBy(t => t.Percent)!))
            : [];
}

/// <summary>
/// A threshold fell due: announce it (once); a breach then pages the client's on-call escalation policy. A failure
/// fails the deadline, which is retried: the retry announces what was recorded but not announced, and pages once.
/// </summary>
internal sealed class SlaThresholdHandler(SlaReminders reminders, PolicyPager pager, IDeadlineScheduler scheduler) : IDeadlineHandler
{
    public string Kind => SlaDeadline.Kind;

    public async Task HandleAsync(DeadlineJob job, TimeSpan lateBy, CancellationToken ct)
    {
        var threshold = SlaDeadline.Threshold(job);
        var outcome = await reminders.FireAsync(threshold, ct);
        if (outcome.DueAgainAt is { } again)
            await scheduler.ScheduleAsync(SlaDeadline.For(threshold with { DueAt = again }).Job, again, ct);
        // The next threshold was scheduled when this one was stored (SchedulingIncidentStore).
        if (outcome is { Announced: true, Headline: { } headline } && threshold.Percent >= 100)
            await pager.StartOnceAsync(job.IncidentId, PageReason.Breach, headline, ct);
    }
}

/// <summary>Each running clock's next threshold, for the schedule to be rebuilt.</summary>
internal sealed class SlaThresholdDeadlines(SlaCatalog sla) : IIncidentDeadlines
{
    public Task<IReadOnlyList<PendingDeadline>> PendingAsync(IReadOnlyList<Incident> open, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PendingDeadline>>([.. open.SelectMany(i => SlaDeadline.Pending(i, sla))]);
}
