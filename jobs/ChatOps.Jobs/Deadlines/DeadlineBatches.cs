using ChatOps.Incidents.Deadlines;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace ChatOps.Jobs.Deadlines;

/// <summary>
/// Many deadlines as Hangfire jobs at once, for the reconciler's sweep. A deadline the queue already holds in the
/// Scheduled state for the same due time is left out, so neither a restart on a kept queue nor a sweep adds it again.
/// On PostgreSQL the scheduled ones are written in bulk (<see cref="PostgreSqlScheduledJobs"/>); otherwise each job is
/// made as <see cref="IBackgroundJobClient"/> makes it (its client filters, its state machine), a chunk's states in one transaction.
/// </summary>
internal sealed class DeadlineBatches(JobStorage storage, IJobFilterProvider filters, PostgreSqlScheduledJobs postgreSql, TimeProvider time)
{
    /// <summary>A few hundred jobs per transaction.</summary>
    internal const int ChunkSize = 250;

    /// <summary>Several chunks at once: through the client, job creation is one transaction per job, whose waits this hides.</summary>
    private const int Parallelism = 4;

    private const int Page = 5000;

    private readonly BackgroundJobFactory _factory = new(filters);
    private readonly StateMachine _states = new(filters);

    public async Task<int> ScheduleMissingAsync(IReadOnlyCollection<PendingDeadline> deadlines, CancellationToken ct)
    {
        var queued = await Task.Run(Scheduled, ct);
        var missing = deadlines.Distinct().Where(d => !queued.Contains(d)).ToList();
        var now = time.GetUtcNow();
        // Those already due go through Hangfire's own path: they are few, and its enqueueing wakes the workers at once.
        var bulk = missing.Count > 0 && await postgreSql.AcceptsAsync(ct) ? missing.Where(d => d.DueAt > now).ToList() : [];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct };
        // Preparing a chunk (Hangfire's serializer) is about as long as writing one: several at once overlap the two.
        await Parallel.ForEachAsync(bulk.Chunk(ChunkSize * 2), parallel, async (chunk, token) => await postgreSql.WriteAsync(Prepare(chunk), now, token));
        // Hangfire's storage API blocks: each chunk on its own pool thread.
        await Parallel.ForEachAsync(missing.Except(bulk).Chunk(ChunkSize), parallel,
            (chunk, _) =>
            {
                Create(chunk);
                return ValueTask.CompletedTask;
            });
        return missing.Count;
    }

    /// <summary>The jobs with the parameters Hangfire's client filters give them (the captured culture), as the client's first step.</summary>
    internal List<ScheduledJob> Prepare(IReadOnlyCollection<PendingDeadline> chunk)
    {
        using var connection = storage.GetConnection();
        var jobs = new List<ScheduledJob>(chunk.Count);
        foreach (var deadline in chunk)
        {
            var state = new ScheduledState(deadline.DueAt.UtcDateTime);
            var context = new CreateContext(storage, connection, HangfireDeadlineScheduler.RunnerJob(deadline.Job, deadline.DueAt), state);
            var creating = new CreatingContext(context);
            foreach (var filter in filters.GetFilters(context.Job).Select(f => f.Instance).OfType<IClientFilter>())
                filter.OnCreating(creating);
            if (!creating.Canceled)
                jobs.Add(new ScheduledJob(context.Job, state, context.Parameters.ToDictionary(p => p.Key, p => SerializationHelper.Serialize(p.Value, SerializationOption.User))));
        }
        return jobs;
    }

    private void Create(PendingDeadline[] chunk)
    {
        using var connection = storage.GetConnection();
        // Created with no state yet, as the client's first step does: invisible, and expiring by itself if the chunk fails below.
        var created = chunk
            .Select(d => (Deadline: d, Job: _factory.Create(new CreateContext(storage, connection, HangfireDeadlineScheduler.RunnerJob(d.Job, d.DueAt), initialState: null))))
            .Where(c => c.Job is not null)
            .ToList();
        var now = time.GetUtcNow();
        using var transaction = connection.CreateWriteTransaction();
        foreach (var (deadline, job) in created)
            _states.ApplyState(new ApplyStateContext(storage, connection, transaction, job, HangfireDeadlineScheduler.StateFor(deadline.DueAt, now), oldStateName: null));
        transaction.Commit();
    }

    /// <summary>The deadlines of the runner jobs waiting in the Scheduled state (a retry too), read back from their arguments.</summary>
    private HashSet<PendingDeadline> Scheduled()
    {
        var monitoring = storage.GetMonitoringApi();
        var scheduled = new HashSet<PendingDeadline>();
        for (var from = 0; ; from += Page)
        {
            var page = monitoring.ScheduledJobs(from, Page);
            foreach (var (_, dto) in page)
            {
                if (dto is { InScheduledState: true, Job: { } job } && HangfireDeadlineScheduler.Deadline(job) is { } deadline)
                    scheduled.Add(deadline);
            }
            // Jobs leaving the set meanwhile may shift a page past some: those are scheduled again, which is harmless.
            if (page.Count < Page)
                return scheduled;
        }
    }
}
