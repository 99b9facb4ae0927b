using ChatOps.Benchmarks.Faults;

namespace ChatOps.Benchmarks.Tests.Faults;

/// <summary>The load drill judges the bot's memory once it is warm, and the drill's options say how long the warm-up is.</summary>
public sealed class MemoryVerdictTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public void Growth_during_the_warm_up_is_not_counted_and_flat_memory_after_it_is_flat()
    {
        // 60 MB over the first 5 minutes (the JIT tiering up, the GC sizing its heap), then level for 10.
        var samples = Samples(15, minute => minute < 5 ? 160 + 12 * minute : 220);

        Assert.Equal(0, FaultsReport.Growth(samples, FiveMinutes)!.Value, precision: 6);
        Assert.True(FaultsReport.Growth(samples, TimeSpan.Zero) > 16, "without the warm-up the same run would be called growing");
    }

    [Fact]
    public void A_steady_climb_after_the_warm_up_is_growth()
    {
        var samples = Samples(15, minute => 160 + 2 * minute);

        Assert.Equal(20, FaultsReport.Growth(samples, FiveMinutes)!.Value, precision: 6);
    }

    [Fact]
    public void Under_five_warm_minutes_there_is_no_verdict_and_a_restarted_process_is_judged_on_its_own_samples()
    {
        Assert.Null(FaultsReport.Growth(Samples(9, _ => 200), FiveMinutes));

        var restarted = Samples(6, minute => 300 + 10 * minute).Concat(Samples(8, _ => 190, start: 2, from: 6)).ToList();
        Assert.Equal(0, FaultsReport.Growth(restarted, TimeSpan.FromMinutes(2))!.Value, precision: 6);
    }

    [Theory]
    [InlineData("--faults none", 300)]
    [InlineData("--faults none --warmup 60", 60)]
    [InlineData("--faults kill", 0)]
    [InlineData("", 0)]
    public void The_load_drill_warms_up_for_five_minutes_by_default_and_the_fault_drill_does_not(string args, int warmupSeconds)
    {
        var options = FaultsOptions.Parse(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(TimeSpan.FromSeconds(warmupSeconds), options.Run.Warmup);
        Assert.Equal(TimeSpan.FromMinutes(10) + options.Run.Warmup, options.Run.Load);
    }

    /// <summary>A sample every 5 s for <paramref name="minutes"/>, from minute <paramref name="from"/> of the load.</summary>
    private static List<BotMemorySample> Samples(int minutes, Func<double, double> mb, int start = 1, int from = 0) =>
        [.. Enumerable.Range(0, minutes * 12 + 1).Select(i => from + i / 12.0).Select(minute =>
            new BotMemorySample(TimeSpan.FromMinutes(minute), new ResidentSet((long)(mb(minute - from) * 1048576), 0, 0, 0), start))];
}
