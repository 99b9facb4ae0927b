using System.Collections.Concurrent;
using ChatOps.Incidents.Deadlines;
using ChatOps.Jobs.Deadlines;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Jobs.Tests.Deadlines;

public sealed class DeadlineReconcilerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingScheduler _scheduler = new();
    private readonly DeadlineSweepRequests _requests = new();

    [Fact]
    public async Task At_start_every_pending_deadline_of_every_source_is_scheduled_for_its_due_time()
    {
        var now = _time.GetUtcNow();
        PendingDeadline[] clocks = [new(new("sla-reminder", "INC-2026-0001", "ack", "50%"), now.AddMinutes(10)), new(new("sla-reminder", "INC-2026-0002", "containment", "100%"), now.AddHours(-1))];
        PendingDeadline[] pages = [new(new("page-escalation", "INC-2026-0001", "page-1", "level-2"), now.AddMinutes(5))];
        using var reconciler = Reconciler(new Source(clocks), new Source(pages));

        await reconciler.StartAsync(CancellationToken.None);
        await SweptAsync(reconciler, 1);

        // Scheduled as one batch: any order.
        Assert.Equal(new HashSet<PendingDeadline>([.. clocks, .. pages]), _scheduler.Scheduled.ToHashSet());
        Assert.Equal(3, _scheduler.Scheduled.Count);
    }

    [Fact]
    public async Task A_source_whose_store_is_unreachable_is_asked_again_until_it_answers()
    {
        var deadline = new PendingDeadline(new("sla-reminder", "INC-2026-0003", "ack", "75%"), _time.GetUtcNow());
        var source = new Source([deadline]) { FailuresLeft = 2 };
        using var reconciler = Reconciler(source);

        await reconciler.StartAsync(CancellationToken.None);
        Assert.Empty(_scheduler.Scheduled);
        // Its retries wait on the fake clock: move it on until the third call answers.
        for (var i = 0; i < 500 && reconciler.Sweeps == 0; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }
        await reconciler.StopAsync(CancellationToken.None);

        Assert.Equal([deadline], _scheduler.Scheduled);
        Assert.Equal(3, source.Calls);
    }

    [Fact]
    public async Task A_scheduler_whose_storage_is_unreachable_is_asked_again_until_it_answers()
    {
        var deadline = new PendingDeadline(new("sla-reminder", "INC-2026-0005", "ack", "75%"), _time.GetUtcNow());
        _scheduler.FailuresLeft = 2;
        using var reconciler = Reconciler(new Source([deadline]));

        await reconciler.StartAsync(CancellationToken.None);
        for (var i = 0; i < 500 && reconciler.Sweeps == 0; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }
        await reconciler.StopAsync(CancellationToken.None);

        Assert.Equal([deadline], _scheduler.Scheduled);
        Assert.Equal(3, _scheduler.Calls);
    }

    [Fact]
    public async Task A_requested_sweep_comes_at_once_not_at_the_next_interval()
    {
        var now = _time.GetUtcNow();
        var source = new Source([]);
        using var reconciler = Reconciler(source);
        await reconciler.StartAsync(CancellationToken.None);
        await SweptAsync(reconciler, 1);

        // A change was stored but scheduling its threshold failed: the store has it, the queue does not.
        var threshold = new PendingDeadline(new("sla-reminder", "INC-2026-0006", "ack", "50%"), now.AddMinutes(15));
        source.Pending = [threshold];
        _requests.RequestSweep();
        await SweptAsync(reconciler, 2);
        await reconciler.StopAsync(CancellationToken.None);

        // Not a second later, let alone the 10 minutes to the next regular sweep.
        Assert.Equal(now, _time.GetUtcNow());
        Assert.Equal([threshold], _scheduler.Scheduled);
    }

    [Fact]
    public async Task A_deadline_beyond_the_horizon_is_left_in_the_store_until_a_later_sweep_brings_it_within()
    {
        var now = _time.GetUtcNow();
        var soon = new PendingDeadline(new("sla-reminder", "INC-2026-0004", "ack", "50%"), now.AddMinutes(20));
        var later = new PendingDeadline(new("sla-reminder", "INC-2026-0004", "respond", "50%"), now.AddHours(2));
        using var reconciler = Reconciler(new Source([soon, later]));

        await reconciler.StartAsync(CancellationToken.None);
        await SweptAsync(reconciler, 1);
        Assert.Equal([soon], _scheduler.Scheduled);

        // Sweeps every 10 minutes (a third of the 30-minute horizon): after 1 h 40 min the later one is within.
        for (var i = 0; i < 10 && !_scheduler.Scheduled.Contains(later); i++)
        {
            _time.Advance(TimeSpan.FromMinutes(10));
            await SweptAsync(reconciler, i + 2);
        }
        await reconciler.StopAsync(CancellationToken.None);

        Assert.Contains(later, _scheduler.Scheduled);
        Assert.True(reconciler.Sweeps >= 9, $"{reconciler.Sweeps} sweeps");
    }

    private DeadlineReconciler Reconciler(params IDeadlineSource[] sources) =>
        new(sources, _scheduler, _requests, _time, Microsoft.Extensions.Options.Options.Create(new JobsOptions()), NullLogger<DeadlineReconciler>.Instance);

    private static async Task SweptAsync(DeadlineReconciler reconciler, int sweeps)
    {
        for (var i = 0; i < 200 && reconciler.Sweeps < sweeps; i++)
            await Task.Delay(10);
        Assert.True(reconciler.Sweeps >= sweeps, $"only {reconciler.Sweeps} of {sweeps} sweeps");
    }

    private sealed class Source(IReadOnlyList<PendingDeadline> pending) : IDeadlineSource
    {
        public int FailuresLeft { get; set; }
        public int Calls { get; private set; }
        public IReadOnlyList<PendingDeadline> Pending { get; set; } = pending;

        public Task<IReadOnlyList<PendingDeadline>> ListPendingAsync(CancellationToken ct)
        {
            Calls++;
            return FailuresLeft-- > 0 ? throw new IOException("Azure Tables unreachable") : Task.FromResult(Pending);
        }
    }

    private sealed class RecordingScheduler : IDeadlineScheduler
    {
        public ConcurrentQueue<PendingDeadline> Scheduled { get; } = new();

        public Task ScheduleAsync(DeadlineJob job, DateTimeOffset dueAt, CancellationToken ct)
        {
            Scheduled.Enqueue(new PendingDeadline(job, dueAt));
            return Task.CompletedTask;
        }

        public int FailuresLeft { get; set; }
        public int Calls { get; private set; }

        public Task<int> ScheduleManyAsync(IReadOnlyCollection<PendingDeadline> deadlines, CancellationToken ct)
        {
            Calls++;
            if (FailuresLeft-- > 0)
                throw new Npgsql.NpgsqlException("PostgreSQL unreachable");
            foreach (var deadline in deadlines)
                Scheduled.Enqueue(deadline);
            return Task.FromResult(deadlines.Count);
        }
    }
}
