using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Protocol.Connector;

/// <summary>
/// Drives code that waits on a <see cref="FakeTimeProvider"/> deterministically. Continuations run
/// inline only where no synchronization context is current, so both the operation's start and every
/// Advance happen outside the test's context: when a timer fires, the code it released runs to its
/// next wait before Advance returns, never at some later step on the thread pool.
/// </summary>
internal static class FakeTimeDriver
{
    public static Task<T> Start<T>(Func<Task<T>> operation) => WithoutContext(operation);

    /// <summary>Advances time and returns once everything the fired timers released has run.</summary>
    public static void AdvanceInline(this FakeTimeProvider time, TimeSpan delta) =>
        WithoutContext(() => { time.Advance(delta); return 0; });

    /// <summary>
    /// Awaits a task that was cancelled: unlike a fired timer, a cancelled wait resumes on the thread pool.
    /// The real-time bound only turns a regression into a failure instead of a hang; it never delays a pass.
    /// </summary>
    public static Task Cancelled(Task task) =>
        Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(TimeSpan.FromSeconds(30)));

    /// <summary>Advances in steps until the task completes; bounded, so a test fails instead of hanging.</summary>
    public static async Task<T> RunAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step, TimeSpan limit)
    {
        await time.RunAsync((Task)task, step, limit);
        return await task;
    }

    public static async Task RunAsync(this FakeTimeProvider time, Task task, TimeSpan step, TimeSpan limit)
    {
        var end = time.GetUtcNow() + limit;
        while (!task.IsCompleted && time.GetUtcNow() < end)
        {
            time.AdvanceInline(step);
            // Lets other tests' work run between steps: this loop must never starve the thread pool.
            await Task.Yield();
        }
        Assert.True(task.IsCompleted, $"Still pending after {limit} of fake time.");
        await task;
    }

    /// <summary>Asserts the task finished without any time passing (so a regression fails instead of hanging).</summary>
    public static Task<T> DoneAtOnce<T>(Task<T> task)
    {
        Assert.True(task.IsCompleted, "Expected to finish without waiting.");
        return task;
    }

    /// <summary>The most of <paramref name="times"/> that fall in any half-open window [t, t + window).</summary>
    public static int MostInAnyWindow(IEnumerable<TimeSpan> times, TimeSpan window)
    {
        var sorted = times.Order().ToArray();
        var most = 0;
        for (int i = 0, j = 0; i < sorted.Length; i++)
        {
            while (j < sorted.Length && sorted[j] < sorted[i] + window)
                j++;
            most = Math.Max(most, j - i);
        }
        return most;
    }

    private static T WithoutContext<T>(Func<T> action)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
