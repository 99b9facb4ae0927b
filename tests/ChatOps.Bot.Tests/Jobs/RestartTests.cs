using ChatOps.Bot.Pages;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Pages;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Jobs;

/// <summary>
/// A bot stops in the middle of an incident (its in-memory Hangfire queue is lost) and another starts on the same tables
/// later: the reconciler rebuilds the schedule from the store, and the reminder and the page escalation that fell due
/// while nobody ran fire once each, at once, marked late.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    private FakeBotConnector _teams = null!;
    private BotHost _first = null!;
    private BotHost? _second;

    public async Task InitializeAsync()
    {
        _teams = await FakeBotConnector.StartAsync();
        _first = new BotHost { SharedConnector = _teams };
        _first.TestServices = s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(TimeProvider.System.GetUtcNow()));
        await _first.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
            await _second.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task After_a_restart_an_overdue_reminder_and_an_overdue_escalation_fire_once_each_marked_late()
    {
        var incidents = new ApprovalHost(_first);
        var (id, thread) = await incidents.OpenAsync("Restarted in the middle");
        await using (var scope = _first.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PolicyPager>().StartAsync(id, PageReason.Manual, "Web shell on web-01", default);
        var declared = (await incidents.Store.GetAsync(id, default))!.Incident.FindClock("acknowledge")!.StartedAt!.Value;
        await _first.DisposeAsync();

        // 16 minutes later: the P2 acknowledge clock passed 50 % (15 of 30 min) and level 1's 15-minute wait ran out.
        _second = new BotHost { SharedConnector = _teams };
        _second.Settings["Storage:TablePrefix"] = _first.TablePrefix;
        _second.TestServices = s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(declared.AddMinutes(16)));
        await _second.InitializeAsync();
        var store = new ApprovalHost(_second).Store;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await store.ReadTimelineAsync(id, default)) is var t && !(t.Any(e => e.Type == "sla.warning") && t.Any(e => e.Type == "page.escalated")))
        {
            Assert.False(timeout.IsCancellationRequested, "the overdue reminder and escalation did not fire within 30 s of the restart");
            await Task.Delay(100);
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // time for a duplicate, were there one

        var timeline = await store.ReadTimelineAsync(id, default);
        var warning = Assert.Single(timeline, e => e.Type == "sla.warning");
        Assert.Equal(("acknowledge", 50), ((string?)warning.Data["clock"], (int)warning.Data["percent"]!));
        Assert.Equal(TimeSpan.FromMinutes(1), TimeSpan.Parse((string)warning.Data["lateBy"]!, System.Globalization.CultureInfo.InvariantCulture));
        var escalated = Assert.Single(timeline, e => e.Type == "page.escalated");
        Assert.Equal(2, (int)escalated.Data["level"]!);
        Assert.Single(_teams.Requests, r => r.Method == "POST" && r.Path == $"/v3/conversations/{thread}/activities" &&
            ApprovalHost.Readable(r.Body) is var text && text.Contains("合同时限已用 50%", StringComparison.Ordinal) && text.Contains("延迟 1 分钟", StringComparison.Ordinal));
    }
}
