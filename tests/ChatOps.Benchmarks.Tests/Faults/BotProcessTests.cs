using ChatOps.Benchmarks.Faults;

namespace ChatOps.Benchmarks.Tests.Faults;

/// <summary>The drills run the bot's process as the deployment does, and read its memory as Linux counts it.</summary>
public sealed class BotProcessTests
{
    [Fact]
    public void The_deployments_process_settings_are_read_from_its_app_settings_and_bot_keys_are_not()
    {
        string[] bicep =
        [
            "    Bot__AppId: botAppId",
            "    Telemetry__Exporter: 'AzureMonitor'",
            "    // MALLOC_ARENA_MAX: '8' in a comment is not a setting",
            "    MALLOC_ARENA_MAX: '2'",
            "    DOTNET_GCHeapHardLimit: '0x20000000'",
        ];

        Assert.Equal(new Dictionary<string, string> { ["MALLOC_ARENA_MAX"] = "2", ["DOTNET_GCHeapHardLimit"] = "0x20000000" }, ProductionProcessEnvironment.Parse(bicep));
    }

    [Fact]
    public void The_deployment_sets_no_malloc_arena_limit_since_two_arenas_failed_the_fault_drill()
    {
        Assert.DoesNotContain("MALLOC_ARENA_MAX", ProductionProcessEnvironment.Read().Keys);
    }

    [Fact]
    public void The_bot_is_started_with_the_process_settings_and_its_configuration_as_environment_variables()
    {
        var bot = new BotProcess(
            new Dictionary<string, string> { ["Storage:TableServiceUri"] = "http://127.0.0.1:10002/devstoreaccount1" },
            Path.Combine(Path.GetTempPath(), "bot-not-started.log"),
            new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" });

        Assert.Equal("0", bot.Environment["DOTNET_TieredPGO"]);
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", bot.Environment["Storage__TableServiceUri"]);
        Assert.Equal("HH:mm:ss.fff ", bot.Environment["Logging__Console__FormatterOptions__TimestampFormat"]);
    }

    [Fact]
    public void A_resident_set_is_read_with_its_anonymous_file_and_shared_parts()
    {
        string[] status =
        [
            "Name:\tdotnet",
            "VmPeak:\t 4385308 kB",
            "VmRSS:\t  191116 kB",
            "RssAnon:\t   57888 kB",
            "RssFile:\t   89324 kB",
            "RssShmem:\t   43904 kB",
            "Threads:\t32",
        ];

        Assert.Equal(new ResidentSet(191116L * 1024, 57888L * 1024, 89324L * 1024, 43904L * 1024), ResidentSet.Parse(status));
        Assert.Null(ResidentSet.Parse(["Name:\tdotnet", "State:\tZ (zombie)"]));
    }

    [Fact]
    public void This_process_resident_set_adds_up()
    {
        var resident = ResidentSet.Parse(File.ReadLines("/proc/self/status"))!;

        Assert.True(resident.Anonymous > 0 && resident.Files > 0);
        Assert.Equal(resident.Bytes, resident.Anonymous + resident.Files + resident.Shared);
    }
}
