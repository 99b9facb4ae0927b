using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.DataFiles;

namespace ChatOps.Bot.Tests.Rotations;

public sealed class RotationStartupTests
{
    [Fact]
    public async Task A_broken_rotations_file_stops_the_host_naming_file_line_and_field()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"rotations-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rotations.Development.yaml"))
            .Replace("timeZone: America/New_York", "timeZone: America/Gotham", StringComparison.Ordinal));
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Bot:AppId"] = "app",
                ["Bot:Authentication:Enabled"] = "false",
                ["Bot:Connector:Credential"] = "None",
                ["Storage:ConnectionString"] = BotHost.StorageConnection,
                ["Rotations:File"] = broken,
            };

            var error = await Assert.ThrowsAnyAsync<DataFileException>(() => StartupHost.StartAndStopAsync("Development", settings));

            var problem = Assert.Single(error.Problems);
            Assert.Equal((Path.GetFileName(broken), 31L), (problem.File, problem.Line));
            Assert.Contains($"{Path.GetFileName(broken)}:31: .rotations[1].timeZone: 'America/Gotham' is not a known time zone", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
