using ChatOps.Benchmarks.Faults;
using ChatOps.Testing;
using Xunit.Abstractions;

namespace ChatOps.Benchmarks.Tests.Faults;

/// <summary>A test that runs the drill: skipped locally without Azurite (infra/tools) or PostgreSQL's initdb, run (and failing with the reason) in CI.</summary>
public sealed class DrillFactAttribute : FactAttribute
{
    public DrillFactAttribute()
    {
        if (FaultRig.Missing() is { } missing && !TestPostgres.InCi)
            Skip = $"{missing}; CI runs this test.";
    }
}

/// <summary>
/// The load and fault drills in a minute and a half each (the long ones are `-- faults`, documented in RESULTS.md): the bot in
/// its own process on its own Azurite and PostgreSQL, clicks at a steady rate, contract clocks of seconds. Speed is not
/// asserted; what the bot recorded and sent is.
/// </summary>
public sealed class FaultDrillTests(ITestOutputHelper output)
{
    [DrillFact]
    public async Task Under_every_fault_each_accepted_click_is_on_the_timeline_once_each_due_reminder_fired_once_and_every_timeline_verifies()
    {
        var result = await RunAsync(new FaultRunOptions(16, 8, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(4), TimeSpan.FromMinutes(3), FaultPlan.All));

        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        Assert.Equal(FaultPlan.All, result.Windows.Select(w => w.Name));
        Assert.Equal(2, result.BotStarts);
        // The faults were felt (clients saw failures and retried), and the load went on through them.
        Assert.True(result.Clicks.Failures.Count > 0, "no click failed: the faults did not strike");
        Assert.True(result.Clicks.Accepted > 500, $"only {result.Clicks.Accepted} clicks accepted");
        Assert.Equal(16 * 6, result.Reminders.Due);
        Assert.Equal(result.Reminders.Due, result.Reminders.RecordedOnce);
        Assert.Equal(result.Reminders.Due, result.Reminders.DeliveredOnce);
    }

    [DrillFact]
    public async Task Without_faults_no_click_fails_and_each_one_is_on_the_timeline_once()
    {
        var result = await RunAsync(new FaultRunOptions(20, 20, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(4), TimeSpan.FromMinutes(2), []));

        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        Assert.Empty(result.Clicks.Failures);
        Assert.Equal(result.Clicks.Clicks, result.Clicks.Accepted);
        Assert.Equal(result.Clicks.Accepted, result.OnTimeline);
        Assert.Equal(1, result.BotStarts);
        Assert.NotEmpty(result.Memory);
        Assert.All(result.Memory, s => Assert.True(s.Resident.Anonymous > 0 && s.Resident.Files > 0, $"{s.Resident}"));
    }

    private async Task<FaultRunResult> RunAsync(FaultRunOptions options)
    {
        if (FaultRig.Missing() is { } missing)
            Assert.Fail($"CI runs the drill, but {missing}.");
        var result = await FaultRun.RunAsync(options, output.WriteLine);
        output.WriteLine(new FaultsReport(result, "(test)").Render());
        // Every request is kept with the run's logs, to place a stall in time.
        Assert.Equal(result.Clicks.Attempts.Count + 1, File.ReadLines(Path.Combine(result.Folder, "attempts.csv")).Count());
        if (result.Problems.Count == 0)
            Directory.Delete(result.Folder, recursive: true);
        return result;
    }
}
