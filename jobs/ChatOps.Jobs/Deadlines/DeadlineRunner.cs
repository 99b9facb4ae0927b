using System.ComponentModel;
using System.Diagnostics;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Telemetry;
using Microsoft.Extensions.Logging;

namespace ChatOps.Jobs.Deadlines;

/// <summary>
/// The Hangfire job behind every deadline: waits out an early start, claims the occurrence (so it fires once
/// across instances, however often it was scheduled) and hands it to the handler of its kind, which reloads the state;
/// the claim is renewed while the handler runs.
/// </summary>
internal sealed partial class DeadlineRunner(
    IEnumerable<IDeadlineHandler> handlers, IDeadlineFirings firings, HangfireDeadlineScheduler scheduler,
    TimeProvider time, ILogger<DeadlineRunner> log)
{
    /// <summary>Hangfire may start a job about a second early (a dashboard requeue, any time): up to this it waits in place.</summary>
    internal static readonly TimeSpan MaxWaitInPlace = TimeSpan.FromSeconds(30);

    [DisplayName("{0} {1} {2} {3}")]
    public async Task RunAsync(string kind, string incidentId, string targetId, string occurrence, DateTimeOffset dueAt, CancellationToken ct)
    {
        var job = new DeadlineJob(kind, incidentId, targetId, occurrence);
        // One span per run; the kind names what fired (a word of our own), the outcome what this run did.
        using var span = ChatOpsTelemetry.Source.StartActivity($"deadline {kind}");
        span?.SetTag("chatops.deadline.kind", kind);
        if (dueAt - time.GetUtcNow() > MaxWaitInPlace)
        {
            scheduler.Schedule(job, dueAt, runAt: dueAt);
            span?.SetTag("chatops.deadline.outcome", "rescheduled");
            LogRescheduled(job, dueAt);
            return;
        }
        for (var early = dueAt - time.GetUtcNow(); early > TimeSpan.Zero; early = dueAt - time.GetUtcNow())
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(early.TotalMilliseconds)), time, ct);

        // An instance without the kind's handler (an older version mid-deploy) fails the job: Hangfire retries it, maybe elsewhere.
        var handler = handlers.FirstOrDefault(h => h.Kind == kind)
            ?? throw new InvalidOperationException($"No deadline handler for kind '{kind}' is registered.");
        switch (await firings.TryClaimAsync(job, ct))
        {
            case FiringClaim.Claimed claim:
                var lateBy = time.GetUtcNow() - dueAt;
                span?.SetTag("chatops.deadline.late_by_s", Math.Max(0, lateBy.TotalSeconds));
                try
                {
                    await FireAsync(handler, job, claim, lateBy, ct);
                }
                catch (Exception e)
                {
                    span?.SetTag("chatops.deadline.outcome", "failed");
                    span?.SetStatus(ActivityStatusCode.Error, e.GetType().FullName);
                    throw;
                }
                span?.SetTag("chatops.deadline.outcome", "fired");
                break;
            case FiringClaim.HeldElsewhere held:
                // Being fired elsewhere; check again when that claim's lease runs out, should its instance have died.
                scheduler.Schedule(job, dueAt, runAt: held.RecheckAt);
                span?.SetTag("chatops.deadline.outcome", "held_elsewhere");
                LogHeldElsewhere(job, held.RecheckAt);
                break;
            default:
                span?.SetTag("chatops.deadline.outcome", "already_fired");
                LogAlreadyFired(job);
                break;
        }
    }

    private async Task FireAsync(IDeadlineHandler handler, DeadlineJob job, FiringClaim.Claimed claim, TimeSpan lateBy, CancellationToken ct)
    {
        var renewal = ClaimRenewal.Start(firings, job, claim, time, log);
        try
        {
            await handler.HandleAsync(job, lateBy, ct);
        }
        catch (Exception)
        {
            claim = await renewal.StopAsync();
            try
            {
                await firings.ReleaseAsync(job, claim, CancellationToken.None);
            }
            catch (Exception release)
            {
                LogReleaseFailed(release, job);
            }
            throw;
        }
        claim = await renewal.StopAsync();
        try
        {
            // It fired: recording that must not be cancelled, and a failure must not make Hangfire fire it again.
            await firings.CompleteAsync(job, claim, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogCompleteFailed(e, job);
        }
        LogFired(job, lateBy);
    }

    [LoggerMessage(LogLevel.Information, "Deadline {Job} fired, {LateBy} after its due time")]
    private partial void LogFired(DeadlineJob job, TimeSpan lateBy);

    [LoggerMessage(LogLevel.Information, "Deadline {Job} started long before its due time {DueAt}; scheduled again")]
    private partial void LogRescheduled(DeadlineJob job, DateTimeOffset dueAt);

    [LoggerMessage(LogLevel.Debug, "Deadline {Job} fired before; nothing to do")]
    private partial void LogAlreadyFired(DeadlineJob job);

    [LoggerMessage(LogLevel.Information, "Deadline {Job} is being fired by another instance; checking again at {RecheckAt}")]
    private partial void LogHeldElsewhere(DeadlineJob job, DateTimeOffset recheckAt);

    [LoggerMessage(LogLevel.Warning, "Deadline {Job} failed and its claim could not be released; a retry fires it once the claim's lease runs out")]
    private partial void LogReleaseFailed(Exception e, DeadlineJob job);

    [LoggerMessage(LogLevel.Error, "Deadline {Job} fired but could not be recorded as fired; it may fire again once its claim's lease runs out")]
    private partial void LogCompleteFailed(Exception e, DeadlineJob job);
}
