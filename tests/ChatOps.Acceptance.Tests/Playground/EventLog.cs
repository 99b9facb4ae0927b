namespace ChatOps.Acceptance.Tests.Playground;

/// <summary>Everything one websocket pushed, in order; a test waits for the first match after its mark, with a deadline.</summary>
internal sealed class EventLog<T>(string name)
{
    private readonly List<T> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    public int Count
    {
        get { lock (_events) return _events.Count; }
    }

    public void Add(T item) => Signal(() => _events.Add(item));

    /// <summary>The websocket broke: waiters fail at once with the reason instead of timing out.</summary>
    public void Fail(Exception failure) => Signal(() => _failure = failure);

    public IReadOnlyList<T> Since(int mark)
    {
        lock (_events)
            return _events.Skip(mark).ToList();
    }

    public async Task<T> WaitAsync(int mark, string what, Func<T, bool> match, TimeSpan timeout, Func<string>? context = null)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_events)
            {
                for (var i = mark; i < _events.Count; i++)
                {
                    if (match(_events[i]))
                        return _events[i];
                }
                if (_failure is not null)
                    throw new InvalidOperationException($"The {name} websocket failed while waiting for {what}.", _failure);
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No {what} on the {name} websocket within {timeout.TotalSeconds:0} s. Received since the mark:{Environment.NewLine}" +
                            string.Join(Environment.NewLine, Since(mark)) + Environment.NewLine + context?.Invoke());
            }
        }
    }

    private void Signal(Action change)
    {
        TaskCompletionSource changed;
        lock (_events)
        {
            change();
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
