using ChatOps.Bot.Protocol.Connector;
using Microsoft.Extensions.Time.Testing;
using static ChatOps.Bot.Tests.Protocol.Connector.FakeTimeDriver;

namespace ChatOps.Bot.Tests.Protocol.Connector;

public sealed class ConversationRateLimiterTests
{
    private const string Thread = "19:abc@thread.tacv2;messageid=1";
    private readonly FakeTimeProvider _time = new();
    private readonly ConversationRateLimiter _limiter;
    private readonly DateTimeOffset _start;

    public ConversationRateLimiterTests()
    {
        _limiter = new ConversationRateLimiter(_time);
        _start = _time.GetUtcNow();
    }

    [Fact]
    public async Task Twenty_sends_to_one_conversation_at_once_all_go_out_as_fast_as_the_limits_allow()
    {
        var released = await _time.RunAsync(Task.WhenAll(Sends(Thread, 20)), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));

        Assert.Equal(20, released.Length);
        Assert.True(MostInAnyWindow(released, TimeSpan.FromSeconds(1)) <= 7);
        Assert.True(MostInAnyWindow(released, TimeSpan.FromSeconds(2)) <= 8);
        // 7 at 0 s, 1 at 1 s, 7 at 2 s, 1 at 3 s, 4 at 4 s: the tightest schedule the limits allow.
        Assert.Equal(7, released.Count(t => t == TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(4), released.Max());
    }

    [Fact]
    public async Task A_hundred_sends_at_once_keep_the_thirty_second_limit_too()
    {
        var released = await _time.RunAsync(Task.WhenAll(Sends(Thread, 100)), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));

        Assert.Equal(100, released.Length);
        Assert.True(MostInAnyWindow(released, TimeSpan.FromSeconds(1)) <= 7);
        Assert.True(MostInAnyWindow(released, TimeSpan.FromSeconds(2)) <= 8);
        Assert.Equal(60, MostInAnyWindow(released, TimeSpan.FromSeconds(30)));
        Assert.True(released.Max() >= TimeSpan.FromSeconds(30), "the 61st send must wait for the first to leave the 30 s window");
    }

    [Fact]
    public async Task The_1801st_send_in_an_hour_waits_until_the_first_is_an_hour_old()
    {
        for (var i = 0; i < 1800; i++)
        {
            // One a second stays under the shorter limits, so only the hourly one can bite.
            Assert.True(_limiter.AcquireAsync(Thread, default).IsCompletedSuccessfully, $"send {i + 1} should go at once");
            _time.AdvanceInline(TimeSpan.FromSeconds(1));
        }
        var last = Sends(Thread, 1).Single();

        _time.AdvanceInline(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1800) - TimeSpan.FromMilliseconds(1));
        Assert.False(last.IsCompleted);
        Assert.Equal(TimeSpan.FromHours(1), await _time.RunAsync(last, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_busy_conversation_does_not_hold_up_another()
    {
        var busy = Sends("19:busy@thread.tacv2", 20);
        var quiet = Sends("19:quiet@thread.tacv2", 7);

        await _time.RunAsync(Task.WhenAll(busy), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));

        Assert.All(await DoneAtOnce(Task.WhenAll(quiet)), t => Assert.Equal(TimeSpan.Zero, t));
    }

    [Fact]
    public async Task Conversations_share_the_app_limit_of_thirty_a_second()
    {
        var sends = Enumerable.Range(0, 5).SelectMany(c => Sends($"19:c{c}@thread.tacv2", 7)).Concat(Sends(null, 5)).ToList();

        var released = await _time.RunAsync(Task.WhenAll(sends), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));

        Assert.Equal(30, released.Count(t => t == TimeSpan.Zero));
        Assert.Equal(10, released.Count(t => t == TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_slot_to_the_next_caller()
    {
        await DoneAtOnce(Task.WhenAll(Sends(Thread, 7)));
        using var cancel = new CancellationTokenSource();
        var cancelled = _limiter.AcquireAsync(Thread, cancel.Token);

        await cancel.CancelAsync();
        await Cancelled(cancelled);
        var next = Sends(Thread, 1).Single();

        // Had the cancelled caller kept its slot (1 s), the 8-in-2-s limit would push this one to 2 s.
        Assert.Equal(TimeSpan.FromSeconds(1), await _time.RunAsync(next, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_later_caller_never_overtakes_an_earlier_one_in_the_same_conversation()
    {
        await DoneAtOnce(Task.WhenAll(Sends(Thread, 7)));
        using var cancel = new CancellationTokenSource();
        var cancelled = _limiter.AcquireAsync(Thread, cancel.Token);
        var waiting = Sends(Thread, 1).Single();
        await cancel.CancelAsync();
        await Cancelled(cancelled);

        // The cancelled caller's slot (1 s) is free, but taking it would jump the caller still waiting (2 s).
        var later = Sends(Thread, 1).Single();
        await _time.RunAsync(Task.WhenAll(waiting, later), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(2), await waiting);
        Assert.Equal(TimeSpan.FromSeconds(2), await later);
    }

    [Fact]
    public async Task Conversations_idle_for_an_hour_are_forgotten()
    {
        await DoneAtOnce(Task.WhenAll(Sends("19:a@thread.tacv2", 3).Concat(Sends("19:b@thread.tacv2", 3))));
        Assert.Equal(2, _limiter.TrackedConversations);

        _time.AdvanceInline(TimeSpan.FromMinutes(61));
        await DoneAtOnce(Task.WhenAll(Sends("19:c@thread.tacv2", 1)));

        Assert.Equal(1, _limiter.TrackedConversations);
    }

    /// <summary>Starts <paramref name="count"/> acquisitions at once; each task yields its release time.</summary>
    private List<Task<TimeSpan>> Sends(string? conversationId, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Start(() => Acquire(conversationId)))];

    private async Task<TimeSpan> Acquire(string? conversationId)
    {
        await _limiter.AcquireAsync(conversationId, default);
        return _time.GetUtcNow() - _start;
    }
}
