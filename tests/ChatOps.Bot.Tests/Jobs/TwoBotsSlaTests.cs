using ChatOps.Testing;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;

namespace ChatOps.Bot.Tests.Jobs;

/// <summary>
/// Two whole bots on one PostgreSQL queue and one set of tables, the real clock and a drill SLA of seconds: the
/// contoso incident's warnings and breach are each recorded and posted once, never early, and the breach pages once.
/// </summary>
public sealed class TwoBotsSlaTests : IAsyncLifetime
{
    private const string DrillSla = """
        policies:
          - id: standard
            name: { zh-CN: 演练, en: Drill }
            warnings: [50, 75, 100]
            clocks:
              - id: acknowledge
                name: { zh-CN: 确认, en: Acknowledge }
                calendar: 24x7
                starts: incident.declared
                stops: incident.acknowledged
                targets: { P2: 6s }
        """;

    private readonly string _schema = TestPostgres.NewSchema();
    private readonly string _prefix = "d" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _slaFile = Path.Combine(Path.GetTempPath(), $"drill-{Guid.NewGuid():N}.yaml");
    private readonly BotHost _a = new();
    private readonly BotHost _b = new();

    public async Task InitializeAsync()
    {
        if (TestPostgres.ConnectionString is null && !TestPostgres.InCi)
            return;
        await File.WriteAllTextAsync(_slaFile, DrillSla);
        foreach (var host in new[] { _a, _b })
        {
            host.Settings["Jobs:Storage"] = "PostgreSql";
            host.Settings["Jobs:PostgreSqlConnectionString"] = TestPostgres.Require();
            host.Settings["Jobs:PostgreSqlSchema"] = _schema;
            host.Settings["Storage:TablePrefix"] = _prefix;
            host.Settings["Incidents:SlaFile"] = _slaFile;
        }
        await _a.InitializeAsync();
        _b.Settings["Bot:Connector:TrustedServiceUrls:1"] = _a.Connector.ServiceUrl;
        await _b.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        File.Delete(_slaFile);
        if (TestPostgres.ConnectionString is not null)
            await TestPostgres.DropSchemaAsync(_schema);
    }

    [PostgreSqlFact]
    public async Task Each_threshold_is_announced_once_never_early_and_the_breach_pages_once()
    {
        var incidents = new ApprovalHost(_a);
        var (id, thread) = await incidents.OpenAsync("Drill across two instances");
        var started = (await incidents.Store.GetAsync(id, default))!.Incident.FindClock("acknowledge")!.StartedAt!.Value;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(await incidents.Store.ReadTimelineAsync(id, default)).Any(e => e.Type == "page.sent"))
        {
            Assert.False(timeout.IsCancellationRequested, "no breach page within 60 s");
            await Task.Delay(250);
        }
        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a duplicate, were there one

        var timeline = await incidents.Store.ReadTimelineAsync(id, default);
        var thresholds = timeline.Where(e => e.Type is "sla.warning" or "sla.breached").ToList();
        Assert.Equal([50, 75, 100], thresholds.Select(e => (int)e.Data["percent"]!));
        Assert.All(thresholds, e => Assert.True(e.At >= started + TimeSpan.FromSeconds(6) * (int)e.Data["percent"]! / 100, $"{e.Type} at {e.At:O} is early"));
        Assert.Single(timeline, e => e.Type == "page.sent");
        var reminders = _a.Connector.Requests.Where(r => r.Method == "POST" && r.Path == $"/v3/conversations/{thread}/activities" && ApprovalHost.Readable(r.Body).Contains("截止时间", StringComparison.Ordinal));
        Assert.Equal(3, reminders.Count());
    }
}
