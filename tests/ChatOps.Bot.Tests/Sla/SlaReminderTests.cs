using ChatOps.Bot.Sla;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Sla;

/// <summary>The bot with a clock the test moves: reminders are judged against contract time, never real time.</summary>
public class FakeClockBot : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    public BotHost Host { get; } = new();

    public Task InitializeAsync()
    {
        Configure(Host);
        Host.TestServices = s => s.AddSingleton<TimeProvider>(Time);
        return Host.InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncDisposable)Host).DisposeAsync();

    /// <summary>Settings of a variant, before the host starts.</summary>
    protected virtual void Configure(BotHost host)
    {
    }
}

public sealed class SlaReminderTests(FakeClockBot bot) : IClassFixture<FakeClockBot>
{
    private readonly ApprovalHost _incidents = new(bot.Host);

    [Fact]
    public async Task A_warning_is_posted_once_when_due_never_early_and_a_late_breach_says_how_late()
    {
        var (id, thread) = await _incidents.OpenAsync("Clock ticking");
        var declared = (await _incidents.Store.GetAsync(id, default))!.Incident.FindClock("acknowledge")!.StartedAt!.Value;

        bot.Time.Advance(declared.AddMinutes(16) - bot.Time.GetUtcNow());
        var warning = await FireAsync(id, "acknowledge", 50, declared.AddMinutes(15));
        // Another reminder of the same threshold (one scheduled for a due time a pause moved since): nothing.
        var again = await FireAsync(id, "acknowledge", 50, declared.AddMinutes(14));
        var early = await FireAsync(id, "acknowledge", 75, declared.AddMinutes(22.5));
        bot.Time.Advance(declared.AddMinutes(32) - bot.Time.GetUtcNow());
        var breach = await FireAsync(id, "acknowledge", 100, declared.AddMinutes(30));

        Assert.True(warning.Announced);
        Assert.Equal(SlaOutcome.Nothing, again);
        Assert.Equal((false, declared.AddMinutes(22.5)), (early.Announced, early.DueAgainAt));
        Assert.Equal((true, TimeSpan.FromMinutes(2)), (breach.Announced, breach.LateBy));
        // The breach page carries the reminder's headline in the client's language (Contoso: zh-CN), not both joined in code.
        Assert.Equal($"⛔ {id} · 确认：已超出合同时限", breach.Headline);
        var posts = bot.Host.Connector.Requests.Where(r => r.Method == "POST" && r.Path == $"/v3/conversations/{thread}/activities").Select(r => ApprovalHost.Readable(r.Body)).ToList();
        Assert.Single(posts, p => p.Contains("合同时限已用 50%", StringComparison.Ordinal));
        Assert.Single(posts, p => p.Contains("已超出合同时限", StringComparison.Ordinal) && p.Contains("延迟 2 分钟", StringComparison.Ordinal));
        // The bot's own sweep (on the same moved clock) may announce the 75 % warning too: each threshold at most once.
        var percents = (await _incidents.Store.ReadTimelineAsync(id, default)).Where(e => e.Type.StartsWith("sla.", StringComparison.Ordinal)).Select(e => (int)e.Data["percent"]!).ToList();
        Assert.Equal(percents.Distinct(), percents);
        Assert.Contains(50, percents);
        Assert.Contains(100, percents);
    }

    private async Task<SlaOutcome> FireAsync(string incidentId, string clock, int percent, DateTimeOffset dueAt)
    {
        await using var scope = bot.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaReminders>().FireAsync(new SlaThreshold(incidentId, clock, percent, dueAt), default);
    }
}
