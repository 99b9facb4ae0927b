using System.ComponentModel.DataAnnotations;
using System.Reflection;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol;
using ChatOps.Bot.Rotations;
using ChatOps.Bot.Settings;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Tests.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Settings;

public sealed class SettingsTests
{
    [Theory]
    [InlineData("Bot:Conector:ClientSecret", "Bot:Connector:ClientSecret")]
    [InlineData("Storage:TablePrefx", "Storage:TablePrefix")]
    [InlineData("Jobs:Storge", "Jobs:Storage")]
    [InlineData("Bot:Authentication:Emulator:Enabeld", "Bot:Authentication:Emulator:Enabled")]
    [InlineData("Incidents:ClientFile", "Incidents:ClientsFile")]
    public async Task A_misspelt_key_stops_the_start_naming_it_and_the_key_it_probably_meant(string misspelt, string meant)
    {
        var settings = StartupHost.CompleteProductionSettings();
        settings[misspelt] = "value";

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => StartupHost.StartAndStopAsync("Production", settings));

        Assert.Contains($"{misspelt} is not a setting of the bot", error.Message, StringComparison.Ordinal);
        Assert.Contains($"did you mean {meant}?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_says_where_it_was_set()
    {
        var prefix = $"CHATOPS_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Graph__Nonsense", "1");
        try
        {
            var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() =>
                StartupHost.StartAndStopAsync("Production", StartupHost.CompleteProductionSettings(), configure: c => c.AddEnvironmentVariables(prefix)));

            Assert.Contains("Graph:Nonsense is not a setting of the bot (set in the environment variable Graph__Nonsense).", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Graph__Nonsense", null);
        }
    }

    [Fact]
    public async Task Lists_nested_options_any_letter_case_and_other_libraries_sections_are_accepted()
    {
        var settings = StartupHost.CompleteProductionSettings();
        settings["Bot:Authentication:ValidIssuers:0"] = "https://api.botframework.com";
        settings["Bot:Authentication:Emulator:Enabled"] = "false";
        settings["Bot:Connector:TrustedServiceUrls:0"] = "https://smba.trafficmanager.net/";
        settings["incidents:slafile"] = "sla/sla-policies.yaml";
        settings["Logging:LogLevel:Hangfire"] = "Warning";
        settings["Kestrel:Limits:MaxRequestBodySize"] = "1000000";

        await StartupHost.StartAndStopAsync("Production", settings);
    }

    [Fact]
    public async Task Outside_Development_a_secret_in_a_file_of_the_deployment_stops_the_start()
    {
        var root = Directory.CreateTempSubdirectory("chatops-settings-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, "appsettings.Production.json"), """{ "Jobs": { "DashboardApiKey": "0123456789abcdef0123456789abcdef" } }""");

            var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => StartupHost.StartAndStopAsync("Production", StartupHost.CompleteProductionSettings(), root));

            Assert.Contains("Jobs:DashboardApiKey is a secret but is set in the file appsettings.Production.json", error.Message, StringComparison.Ordinal);
            Assert.Contains("(Jobs__DashboardApiKey)", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("0123456789abcdef", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_secret_from_the_environment_is_accepted_and_in_Development_a_file_may_hold_one()
    {
        var prefix = $"CHATOPS_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "Jobs__DashboardApiKey", "0123456789abcdef0123456789abcdef");
        var root = Directory.CreateTempSubdirectory("chatops-settings-").FullName;
        try
        {
            await StartupHost.StartAndStopAsync("Production", StartupHost.CompleteProductionSettings(), configure: c => c.AddEnvironmentVariables(prefix));

            await File.WriteAllTextAsync(Path.Combine(root, "appsettings.Development.json"), """{ "Jobs": { "DashboardApiKey": "0123456789abcdef0123456789abcdef" } }""");
            await StartupHost.StartAndStopAsync("Development", StartupHost.CompleteProductionSettings(), root);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Jobs__DashboardApiKey", null);
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_secrets_are_the_client_secret_the_connection_strings_and_the_dashboard_key()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddSettingsChecks().AddBotProtocol(configuration).AddBotStorage(configuration).AddIncidents(configuration).AddRotations(configuration);

        var secrets =
            from section in services.Select(d => d.ImplementationInstance).OfType<SettingsSection>()
            from property in section.Options.GetProperties()
            where property.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.Password
            select $"{section.Path}:{property.Name}";

        Assert.Equal(["Bot:Connector:ClientSecret", "Jobs:DashboardApiKey", "Jobs:PostgreSqlConnectionString", "Storage:ConnectionString"], secrets.Order());
    }
}
