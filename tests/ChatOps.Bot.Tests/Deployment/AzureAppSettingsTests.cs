using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatOps.Bot.Tests.Deployment;

/// <summary>The web app's settings that infra/azure writes: our configuration keys, secrets only through Key Vault.</summary>
public sealed partial class AzureAppSettingsTests
{
    private const string KeyVaultReference = "@Microsoft.KeyVault(SecretUri=";

    /// <summary>What Azure puts in place of a module's output when it deploys (sample values of the right shape).</summary>
    private static readonly Dictionary<string, string> Deployed = new()
    {
        ["tableServiceUri"] = "https://chatopsnihlk6yl7q4ci.table.core.windows.net/",
        ["blobServiceUri"] = "https://chatopsnihlk6yl7q4ci.blob.core.windows.net/",
        ["connectionString"] = "InstrumentationKey=00000000-0000-4000-8000-0000000000a1;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
    };

    /// <summary>What App Service reads from Key Vault for a reference to the secret behind each output.</summary>
    private static readonly Dictionary<string, string> InKeyVault = new()
    {
        ["botClientSecretUri"] = AzureTemplate.Environment["BOT_CLIENT_SECRET"]!,
        ["jobsConnectionStringUri"] = "Host=chatops-pg-nihlk6yl7q4ci.postgres.database.azure.com;Port=5432;Database=chatops;Username=chatops;Password='sample;pass''word\"Q8';SSL Mode=VerifyFull",
        ["dashboardApiKeyUri"] = AzureTemplate.Environment["JOBS_DASHBOARD_API_KEY"]!,
    };

    [Fact]
    public async Task Every_app_setting_is_a_configuration_key_of_the_bot_or_one_the_platform_reads()
    {
        var keys = (await AzureTemplate.AppSettingsAsync()).Keys.Select(Key);

        Assert.DoesNotContain(keys, k => !BotSettingKeys.IsKnown(k));
    }

    [Fact]
    public async Task Secrets_reach_the_app_only_as_key_vault_references_and_every_credential_key_is_treated_as_a_secret()
    {
        var settings = await AzureTemplate.AppSettingsAsync();
        var template = await AzureTemplate.CompiledAsync();
        var secureParameters = SecureParameters(template).Distinct().ToList();

        Assert.Subset(BotSettingKeys.Secrets.ToHashSet(StringComparer.OrdinalIgnoreCase), BotSettingKeys.CredentialLikeKeys().ToHashSet());
        Assert.Equal(["botClientSecret", "dashboardApiKey", "postgresAdminPassword"],
            template["parameters"]!.AsObject().Where(p => ((string)p.Value!["type"]!).StartsWith("secure", StringComparison.Ordinal)).Select(p => p.Key).Order());
        foreach (var (name, value) in settings)
        {
            Assert.Equal(BotSettingKeys.Secrets.Contains(Key(name)), value.Contains(KeyVaultReference, StringComparison.Ordinal));
            Assert.All(secureParameters, p => Assert.DoesNotContain($"parameters('{p}')", value, StringComparison.Ordinal));
        }
        Assert.Contains("Bot__Connector__ClientSecret", settings.Keys);
        Assert.Contains("Jobs__PostgreSqlConnectionString", settings.Keys);
    }

    [Fact]
    public async Task Key_vault_references_name_the_latest_version_of_a_secret_so_a_rotated_one_is_picked_up()
    {
        var outputs = Descendants(await AzureTemplate.CompiledAsync()).OfType<JsonObject>()
            .Where(o => o["outputs"] is JsonObject && o["resources"] is not null)
            .SelectMany(t => t["outputs"]!.AsObject())
            .Where(o => InKeyVault.ContainsKey(o.Key))
            .ToDictionary(o => o.Key, o => (string)o.Value!["value"]!);

        Assert.Equal(InKeyVault.Keys.Order(), outputs.Keys.Order());
        Assert.All(outputs.Values, v => Assert.Contains(".secretUri", v, StringComparison.Ordinal));
        Assert.All(outputs.Values, v => Assert.DoesNotContain("secretUriWithVersion", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_settings_as_app_service_resolves_them_pass_the_bots_start_up_validation_in_Production()
    {
        var settings = (await AzureTemplate.AppSettingsAsync()).Select(s => KeyValuePair.Create(Key(s.Key), (string?)Resolve(s.Value)));

        Assert.Empty(BotSettingKeys.Validate(settings));
    }

    [Fact]
    public async Task The_deployment_runs_the_bot_in_Production_on_the_PostgreSQL_queue_with_its_files_on_the_persistent_share()
    {
        var settings = await AzureTemplate.AppSettingsAsync();

        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("ClientSecret", settings["Bot__Connector__Credential"]);
        Assert.Equal("PostgreSql", settings["Jobs__Storage"]);
        Assert.Equal("/home/site/config/clients.yaml", settings["Incidents__ClientsFile"]);
        Assert.Equal("/home/site/config/rotations.yaml", settings["Rotations__File"]);
        Assert.Equal("AzureMonitor", settings["Telemetry__Exporter"]);
    }

    private static string Key(string settingName) => settingName.Replace("__", ":", StringComparison.Ordinal);

    private static string Resolve(string value)
    {
        if (!value.StartsWith('['))
            return value;
        var output = ModuleOutput().Match(value).Groups[1].Value;
        return value.Contains(KeyVaultReference, StringComparison.Ordinal) ? InKeyVault[output] : Deployed[output];
    }

    private static IEnumerable<string> SecureParameters(JsonNode template) =>
        Descendants(template).OfType<JsonObject>()
            .Where(o => o["parameters"] is JsonObject && o["resources"] is not null)
            .SelectMany(t => t["parameters"]!.AsObject())
            .Where(p => p.Value is JsonObject definition && ((string?)definition["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
            .Select(p => p.Key);

    private static IEnumerable<JsonNode> Descendants(JsonNode node) =>
        new[] { node }.Concat(node switch
        {
            JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants),
            JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants),
            _ => [],
        });

    [GeneratedRegex(@"\.outputs\.(\w+)\.value")]
    private static partial Regex ModuleOutput();
}
