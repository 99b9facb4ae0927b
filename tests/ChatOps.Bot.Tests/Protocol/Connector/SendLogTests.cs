using ChatOps.Bot.Protocol.Connector;

namespace ChatOps.Bot.Tests.Protocol.Connector;

public sealed class SendLogTests
{
    private readonly SendLog _log = new([new RateLimit(2, TimeSpan.FromSeconds(1))]);

    [Fact]
    public void A_send_fits_before_a_later_reservation_when_no_window_overflows()
    {
        Add(0, 3);

        Assert.Equal(S(0.5), _log.EarliestAt(S(0.5)));
        Add(0.5);
        // [0, 1) now holds two: the next send waits for 1 s, still ahead of the reservation at 3 s.
        Assert.Equal(S(1), _log.EarliestAt(S(0.6)));
    }

    [Fact]
    public void A_send_that_would_crowd_reservations_ahead_of_it_waits_until_after_them()
    {
        Add(0, 2, 2.5);

        // Anywhere in [1.8, 3) would put three sends in one second with those at 2 and 2.5.
        Assert.Equal(S(3), _log.EarliestAt(S(1.8)));
        Assert.Equal(S(0.2), _log.EarliestAt(S(0.2)));
    }

    [Fact]
    public void Pruning_forgets_old_sends_and_removing_gives_a_reservation_back()
    {
        Add(0, 0.2, 5);
        Assert.Equal(S(1), _log.EarliestAt(S(0.4)));

        _log.Remove(S(0.2));
        Assert.Equal(S(0.4), _log.EarliestAt(S(0.4)));
        _log.Prune(S(1));
        Assert.Equal(1, _log.Count);
        Assert.Equal(S(5), _log.Last);
    }

    private void Add(params double[] seconds)
    {
        foreach (var s in seconds)
            _log.Add(S(s));
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);
}
