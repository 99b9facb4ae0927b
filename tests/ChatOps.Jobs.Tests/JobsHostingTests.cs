using ChatOps.Incidents.Deadlines;
using ChatOps.Jobs.Tests.Deadlines;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Jobs.Tests;

/// <summary>Hangfire keeps process-wide state; hosts in one process (the test suites) must not trip over each other's.</summary>
public sealed class JobsHostingTests
{
    [Fact]
    public async Task A_host_starts_and_fires_after_another_host_that_configured_Hangfire_later_was_disposed()
    {
        var handler = new RecordingHandler(TimeProvider.System);
        using var first = Build(handler);
        first.Services.GetRequiredService<IGlobalConfiguration>();
        using (var second = Build(new RecordingHandler(TimeProvider.System)))
        {
            await second.StartAsync();
            await second.StopAsync();
        }

        // The first host makes its Hangfire client and server only now, with the second host's logging gone.
        await first.StartAsync();
        var job = new DeadlineJob(RecordingHandler.DefaultKind, "INC-2026-0200", "ack", "50%");
        await first.Services.GetRequiredService<IDeadlineScheduler>().ScheduleAsync(job, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        await handler.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(job, Assert.Single(handler.Calls).Job);
        await first.StopAsync();
    }

    private static IHost Build(IDeadlineHandler handler)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddSingleton<IDeadlineFirings>(new MemoryFirings(TimeProvider.System));
        builder.Services.AddSingleton(handler);
        return builder.Build();
    }
}
