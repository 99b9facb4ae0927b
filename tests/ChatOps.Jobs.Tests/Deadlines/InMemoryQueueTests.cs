using ChatOps.Incidents.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOps.Jobs.Tests.Deadlines;

/// <summary>The real Hangfire server on its in-memory storage, on the real clock.</summary>
public sealed class InMemoryQueueTests : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new(TimeProvider.System);
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddSingleton<IDeadlineFirings>(new MemoryFirings(TimeProvider.System));
        builder.Services.AddSingleton<IDeadlineHandler>(_handler);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task A_deadline_two_seconds_ahead_fires_once_not_before_its_due_time_and_about_on_time()
    {
        var dueAt = TimeProvider.System.GetUtcNow().AddSeconds(2);
        var job = new DeadlineJob(RecordingHandler.DefaultKind, "INC-2026-0100", "ack", "50%");

        await _host.Services.GetRequiredService<IDeadlineScheduler>().ScheduleAsync(job, dueAt, CancellationToken.None);
        await _handler.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var call = Assert.Single(_handler.Calls);
        Assert.Equal(job, call.Job);
        Assert.True(call.At >= dueAt, $"fired at {call.At:O}, before its due time {dueAt:O}");
        Assert.InRange(call.LateBy, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_deadline_an_hour_overdue_fires_at_once_and_says_how_late()
    {
        var dueAt = TimeProvider.System.GetUtcNow().AddHours(-1);

        await _host.Services.GetRequiredService<IDeadlineScheduler>().ScheduleAsync(new(RecordingHandler.DefaultKind, "INC-2026-0101", "containment", "100%"), dueAt, CancellationToken.None);
        await _handler.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(Assert.Single(_handler.Calls).LateBy, TimeSpan.FromHours(1), TimeSpan.FromHours(1) + TimeSpan.FromSeconds(5));
    }
}
