using ChatOps.Bot.Incidents;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Pages;
using ChatOps.Incidents.Rotations;

namespace ChatOps.Bot.Pages;

/// <summary>
/// Pages a client's escalation policy: its first step now, each next step after the previous step's wait unless
/// someone acknowledges (a deadline per step, so a restart loses none and two instances page each step once).
/// </summary>
internal sealed class PolicyPager(IncidentWriter writer, IIncidentStore store, IClientDirectory clients, IRotationStore rotations, Pager pager,
    IDeadlineScheduler scheduler, IDeadlineSweeps sweeps, TimeProvider time, ILogger<PolicyPager> log)
{
    public const string Kind = "page-escalation";

    public Task<Page?> StartAsync(string incidentId, PageReason reason, string message, CancellationToken ct, string? policyId = null, Person? by = null) =>
        StartAsync(incidentId, reason, message, once: false, policyId, by, ct);

    /// <summary>
    /// Pages the client's policy unless a page with the same reason and message was sent for the incident already: a
    /// breach whose deadline is retried after it paged (its process died, a later step failed) must not page twice.
    /// </summary>
    public Task<Page?> StartOnceAsync(string incidentId, PageReason reason, string message, CancellationToken ct) =>
        StartAsync(incidentId, reason, message, once: true, policyId: null, by: null, ct);

    private async Task<Page?> StartAsync(string incidentId, PageReason reason, string message, bool once, string? policyId, Person? by, CancellationToken ct)
    {
        if (await store.GetAsync(incidentId, ct) is not { } stored || await clients.FindAsync(stored.Incident.ClientId, ct) is not { } client)
            return null;
        if (await rotations.FindPolicyAsync(policyId ?? client.EscalationPolicyId ?? "", ct) is not { } policy)
        {
            log.LogWarning("No escalation policy to page for {IncidentId} ({Policy})", incidentId, policyId ?? client.EscalationPolicyId);
            return null;
        }
        var now = time.GetUtcNow();
        var steps = policy.Steps();
        var targets = await TargetsAsync(policy, steps[0], now, ct);
        string? pageId = null;
        var saved = await writer.AppendAsync(incidentId, i =>
        {
            pageId = null;
            if (once && i.Pages.Any(p => p.Reason == reason && p.Message == message.Trim()))
                return [];
            var (page, events) = i.SendPage(reason, message, policy.Id, steps.Count, targets, by ?? Person.Bot, now);
            pageId = page.Id;
            return events;
        }, ct);
        if (saved is not null && pageId is null)
            log.LogInformation("A {Reason} page saying the same went out for {IncidentId} already; not paging again", reason, incidentId);
        if (pageId is null || saved?.Incident.FindPage(pageId) is not { } sent)
            return null;
        await pager.DeliverAsync(saved.Incident, sent, client, ct);
        await ScheduleNextAsync(incidentId, sent, steps, now, ct);
        return sent;
    }

    /// <summary>Step <paramref name="step"/> fell due: page it unless the page was acknowledged (or already escalated).</summary>
    public async Task EscalateAsync(string incidentId, string pageId, int step, CancellationToken ct)
    {
        if (await store.GetAsync(incidentId, ct) is not { } stored || stored.Incident.FindPage(pageId) is not { IsOpen: true, PolicyId: { } policyId } ||
            await clients.FindAsync(stored.Incident.ClientId, ct) is not { } client || await rotations.FindPolicyAsync(policyId, ct) is not { } policy)
        {
            return;
        }
        var now = time.GetUtcNow();
        var steps = policy.Steps();
        var targets = await TargetsAsync(policy, steps[step - 1], now, ct);
        var saved = await writer.AppendAsync(incidentId, i => i.EscalatePage(pageId, step, targets, Person.Bot, now), ct);
        if (saved?.Incident.FindPage(pageId) is not { } page || page.Level != step)
            return;
        await pager.DeliverAsync(saved.Incident, page, client, ct);
        await ScheduleNextAsync(incidentId, page, steps, now, ct);
    }

    private async Task ScheduleNextAsync(string incidentId, Page page, IReadOnlyList<EscalationStep> steps, DateTimeOffset now, CancellationToken ct)
    {
        if (NextStep(incidentId, page, steps) is not { } next)
            return;
        try
        {
            await scheduler.ScheduleAsync(next.Job, next.DueAt, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The page is stored and delivered: failing now would only page it again on a retry. Its next step is in the
            // store (an open page), where a sweep reads it back, retrying until the queue answers.
            sweeps.RequestSweep();
            log.LogWarning(e, "Could not schedule the next escalation of {PageId} on {IncidentId}; an early sweep schedules it", page.Id, incidentId);
        }
    }

    /// <summary>An open page's next escalation step: the current level's wait after it was paged; none after the last.</summary>
    public static PendingDeadline? NextStep(string incidentId, Page page, IReadOnlyList<EscalationStep> steps) =>
        !page.IsOpen || page.Level >= steps.Count
            ? null
            : new PendingDeadline(
                new DeadlineJob(Kind, incidentId, page.Id, $"step:{page.Level + 1}"),
                page.Rounds[^1].At + (steps[page.Level].After - steps[page.Level - 1].After));

    private async Task<IReadOnlyList<Person>> TargetsAsync(EscalationPolicy policy, EscalationStep step, DateTimeOffset now, CancellationToken ct)
    {
        var all = (await rotations.ListAsync(ct)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        return policy.Resolve(step.Level, now, id => all.GetValueOrDefault(id)).Person is { } person ? [person] : [];
    }
}

/// <summary>The next escalation step of every open page, for the schedule to be rebuilt.</summary>
internal sealed class PageEscalationDeadlines(IRotationStore rotations) : IIncidentDeadlines
{
    public async Task<IReadOnlyList<PendingDeadline>> PendingAsync(IReadOnlyList<Incident> open, CancellationToken ct)
    {
        var policies = new Dictionary<string, IReadOnlyList<EscalationStep>?>(StringComparer.Ordinal);
        var pending = new List<PendingDeadline>();
        foreach (var incident in open)
        {
            foreach (var page in incident.Pages.Where(p => p is { IsOpen: true, PolicyId: not null }))
            {
                if (!policies.TryGetValue(page.PolicyId!, out var steps))
                    policies[page.PolicyId!] = steps = (await rotations.FindPolicyAsync(page.PolicyId!, ct))?.Steps();
                if (steps is not null && PolicyPager.NextStep(incident.Id, page, steps) is { } next)
                    pending.Add(next);
            }
        }
        return pending;
    }
}

/// <summary>A page's next escalation step fell due.</summary>
internal sealed class PageEscalationHandler(PolicyPager pager) : IDeadlineHandler
{
    public string Kind => PolicyPager.Kind;

    public Task HandleAsync(DeadlineJob job, TimeSpan lateBy, CancellationToken ct) =>
        pager.EscalateAsync(job.IncidentId, job.TargetId, int.Parse(job.Occurrence["step:".Length..], System.Globalization.CultureInfo.InvariantCulture), ct);
}
