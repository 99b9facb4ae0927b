using ChatOps.Benchmarks.Faults;

namespace ChatOps.Benchmarks.Tests.Faults;

/// <summary>The drill's report says when the failed attempts were sent, not only how many, so a stall can be placed.</summary>
public sealed class FailuresByMinuteTests
{
    [Fact]
    public void Failed_attempts_and_timeouts_are_counted_in_the_minute_they_were_sent_and_answers_are_not()
    {
        Attempt[] attempts =
        [
            new(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(12), ClickLoad.Accepted),
            new(TimeSpan.FromSeconds(75), TimeSpan.FromMilliseconds(40), "invoke 503"),
            new(TimeSpan.FromSeconds(80), TimeSpan.FromMilliseconds(9), ClickLoad.Stale),
            new(TimeSpan.FromSeconds(130), TimeSpan.FromSeconds(15), ClickLoad.Timeout),
            new(TimeSpan.FromSeconds(170), TimeSpan.FromSeconds(15), ClickLoad.Timeout),
        ];
        var clicks = new ClickLoadResult(3, 0, attempts, [], TimeSpan.FromMinutes(3));

        var table = FaultsReport.FailuresByMinute(clicks, TimeSpan.FromMinutes(3)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("| minute of the load | 1 | 2 | 3 |", table[0]);
        Assert.Equal("| failed attempts sent in it | 0 | 1 | 2 |", table[2]);
        Assert.Equal("| of them timed out (no answer in 15 s) | 0 | 0 | 2 |", table[3]);
    }
}
