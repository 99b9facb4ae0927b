using ChatOps.Bot.Storage;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Storage;

public sealed class TableClientDirectoryTests
{
    private static readonly Client Contoso = new("Contoso", "Contoso Ltd.", "t", "team", "zh-CN", "Asia/Shanghai", "emergency-response", null, [new Person("a1", "Megan")], []);

    [Fact]
    public async Task A_client_read_is_kept_for_a_minute_then_read_again_and_a_local_change_shows_at_once()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var tables = new Tables(Options.Create(new StorageOptions { ConnectionString = BotHost.StorageConnection, TablePrefix = "c" + Guid.NewGuid().ToString("N")[..12] }), ChatOps.Bot.Tests.Telemetry.TestMetrics.New());
        var here = new TableClientDirectory(tables, time);
        var elsewhere = new TableClientDirectory(tables, time);
        Assert.Null(await here.FindAsync("contoso", default));
        await here.UpsertAsync(Contoso, default);
        Assert.Equal("Contoso Ltd.", (await here.FindAsync("CONTOSO", default))!.Name);

        await elsewhere.UpsertAsync(Contoso with { Name = "Contoso Group" }, default);

        Assert.Equal("Contoso Ltd.", (await here.FindAsync("contoso", default))!.Name);
        Assert.Equal("Contoso Group", (await elsewhere.FindAsync("contoso", default))!.Name);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Contoso Group", (await here.FindAsync("contoso", default))!.Name);
    }
}
