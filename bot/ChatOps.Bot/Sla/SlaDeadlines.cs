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

    public static int Percent(DeadlineJob job) => int.Parse(job.Occurrence[..job.Occurrence.IndexOf('%', StringComparison.Ordinal)], CultureInfo.InvariantCulture);

    /// <summary>Each running clock's next threshold only: announcing it schedules the one after.</summary>
    public static IEnumerable<PendingDeadline> Pending(Incident incident, SlaCatalog sla) =>
        sla.Policy(incident.SlaPolicyId) is { } policy
            ? incident.PendingThresholds(policy.Warnings, sla.Calendar).GroupBy(t => t.ClockId).Select(g => For(g.MinBy(t => t.Percent)!))
            : [];
}

/// <summary>A threshold fell due: announce it (once); a breach pages the client's on-call escalation policy.</summary>
internal sealed class SlaThresholdHandler(SlaReminders reminders, PolicyPager pager, IDeadlineScheduler scheduler) : IDeadlineHandler
{
    public string Kind => SlaDeadline.Kind;

    public async Task HandleAsync(DeadlineJob job, TimeSpan lateBy, CancellationToken ct)
    {
        var percent = SlaDeadline.Percent(job);
        var outcome = await reminders.FireAsync(job.IncidentId, job.TargetId, percent, ct);
        if (outcome.DueAgainAt is { } again)
            await scheduler.ScheduleAsync(SlaDeadline.For(new SlaThreshold(job.IncidentId, job.TargetId, percent, again)).Job, again, ct);
        // The next threshold was scheduled when this one was stored (SchedulingIncidentStore).
        if (outcome is { Announced: true, Headline: { } headline } && percent >= 100)
            await pager.StartAsync(job.IncidentId, PageReason.Breach, headline, ct);
    }
}

/// <summary>Each running clock's next threshold, for the schedule to be rebuilt.</summary>
internal sealed class SlaThresholdDeadlines(SlaCatalog sla) : IIncidentDeadlines
{
    public Task<IReadOnlyList<PendingDeadline>> PendingAsync(IReadOnlyList<Incident> open, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PendingDeadline>>([.. open.SelectMany(i => SlaDeadline.Pending(i, sla))]);
}
