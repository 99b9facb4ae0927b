using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.DataFiles;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Incidents;

public sealed class CatalogStartupTests
{
    [Fact]
    public async Task A_broken_playbook_file_stops_the_host_naming_file_line_and_field()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "playbooks", "emergency-response.yaml"))
            .Replace("authorisation: written, deliverables: [contract", "authorisation: maybe, deliverables: [contract", StringComparison.Ordinal));
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Bot:AppId"] = "app",
                ["Bot:Authentication:Enabled"] = "false",
                ["Bot:Connector:Credential"] = "None",
                ["Storage:ConnectionString"] = BotHost.StorageConnection,
                ["Incidents:PlaybookFiles:0"] = broken,
            };

            var error = await Assert.ThrowsAnyAsync<DataFileException>(() => StartupHost.StartAndStopAsync("Development", settings));

            Assert.Contains(Path.GetFileName(broken) + ":", error.Message, StringComparison.Ordinal);
            Assert.Contains("controlPoints[1].authorisation", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task In_development_the_demo_client_is_stored_at_start()
    {
        await using var host = new BotHost();
        await host.InitializeAsync();
        var directory = host.Services.GetRequiredService<IClientDirectory>();

        var contoso = await Eventually(() => directory.FindAsync("contoso", default));

        Assert.Equal("team-id", contoso.TeamId);
        Assert.True(contoso.IsApprover("00000000-0000-0000-0000-0000000000021"));
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> read) where T : class
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            if (await read() is { } value)
                return value;
            await Task.Delay(50, timeout.Token);
        }
    }
}
