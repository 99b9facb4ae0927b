using ChatOps.Bot.Tests.Teams;
using Microsoft.Extensions.Configuration;

namespace ChatOps.Bot.Tests.Deployment;

/// <summary>bot/ChatOps.Bot/appsettings.Production.sample.json: real keys only, secrets never as values.</summary>
public sealed class ProductionSampleTests
{
    private static readonly string Sample = Path.Combine(TeamsAppPackage.Root, "bot", "ChatOps.Bot", "appsettings.Production.sample.json");

    /// <summary>What the environment (or App Service's Key Vault references) adds to the file.</summary>
    private static readonly Dictionary<string, string?> FromTheEnvironment = new()
    {
        ["Bot:Connector:ClientSecret"] = "client-secret-from-the-environment",
        ["Jobs:PostgreSqlConnectionString"] = "Host=chatops-pg.postgres.database.azure.com;Port=5432;Database=chatops;Username=chatops;Password='p;w';SSL Mode=VerifyFull",
        ["Jobs:DashboardApiKey"] = "dashboard-key-from-the-environment-0123456789",
    };

    [Fact]
    public void Every_key_of_the_sample_is_a_configuration_key_of_the_bot()
    {
        Assert.NotEmpty(Settings());
        Assert.DoesNotContain(Settings().Keys, k => !BotSettingKeys.IsKnown(k));
    }

    [Theory]
    [InlineData("Bot:Conector:ClientSecret")]
    [InlineData("Storage:TableServiceUrl")]
    [InlineData("Jobs:PostgresConnectionString")]
    [InlineData("Incidents:ClientFile")]
    [InlineData("Telemetry:Exporters")]
    public void A_misspelt_key_is_not_a_configuration_key(string key) => Assert.False(BotSettingKeys.IsKnown(key), key);

    [Theory]
    [InlineData("Bot:Connector:TrustedServiceUrls:0")]
    [InlineData("Bot:Authentication:Emulator:Enabled")]
    [InlineData("bot:connector:clientsecret")]
    public void Nested_indexed_and_differently_cased_keys_are_configuration_keys(string key) => Assert.True(BotSettingKeys.IsKnown(key), key);

    [Fact]
    public void The_sample_shows_every_secret_it_names_empty()
    {
        var secrets = Settings().Where(s => BotSettingKeys.Secrets.Contains(s.Key)).ToList();

        Assert.Equal(FromTheEnvironment.Keys.Order(), secrets.Select(s => s.Key).Order());
        Assert.All(secrets, s => Assert.Equal("", s.Value));
    }

    [Fact]
    public async Task The_sample_lists_every_setting_of_the_azure_deployment()
    {
        var deployed = (await AzureTemplate.AppSettingsAsync()).Keys.Select(k => k.Replace("__", ":", StringComparison.Ordinal))
            .Where(k => k.Contains(':', StringComparison.Ordinal));

        Assert.Subset(Settings().Keys.ToHashSet(StringComparer.OrdinalIgnoreCase), deployed.ToHashSet());
    }

    [Fact]
    public void With_its_secrets_from_the_environment_the_sample_passes_the_bots_start_up_validation_in_Production()
    {
        var settings = Settings();
        foreach (var (key, value) in FromTheEnvironment)
            settings[key] = value;
        // App Service's setting for Application Insights, which the Azure template sets beside the sample's keys.
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";

        Assert.Empty(BotSettingKeys.Validate(settings));
    }

    [Fact]
    public void Without_its_secrets_the_sample_stops_the_start_naming_the_missing_keys()
    {
        var errors = string.Join('\n', BotSettingKeys.Validate(Settings()));

        Assert.Contains("Bot:Connector:ClientSecret", errors, StringComparison.Ordinal);
        Assert.Contains("Jobs:PostgreSqlConnectionString", errors, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings() =>
        new ConfigurationBuilder().AddJsonFile(Sample, optional: false).Build().AsEnumerable()
            .Where(s => s.Value is not null)
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);
}
