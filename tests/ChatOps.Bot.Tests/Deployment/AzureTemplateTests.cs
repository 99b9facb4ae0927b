using System.Text.Json.Nodes;

namespace ChatOps.Bot.Tests.Deployment;

/// <summary>infra/azure: Bicep type-checks every resource against Azure's definitions; these check what we chose.</summary>
public sealed class AzureTemplateTests
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    [Fact]
    public async Task The_templates_and_their_parameters_file_lint_and_build_without_a_single_diagnostic()
    {
        var lint = await AzureTemplate.LintAsync();
        var build = await AzureTemplate.BuildAsync();

        Assert.Equal("", lint.Errors.Trim());
        Assert.Equal(0, lint.ExitCode);
        Assert.Equal("", build.Errors.Trim());
        Assert.Equal(0, build.ExitCode);
    }

    [Fact]
    public async Task One_deployment_creates_the_web_app_storage_the_bot_in_teams_postgresql_key_vault_and_application_insights()
    {
        var types = (await AzureTemplate.ResourcesAsync()).Select(r => (string)r["type"]!).ToHashSet();
        var teams = await AzureTemplate.ResourceAsync("Microsoft.BotService/botServices/channels", "/MsTeamsChannel");

        Assert.Subset(types, new HashSet<string>
        {
            "Microsoft.Web/serverfarms", "Microsoft.Web/sites", "Microsoft.Storage/storageAccounts", "Microsoft.BotService/botServices",
            "Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.KeyVault/vaults", "Microsoft.Insights/components",
            "Microsoft.OperationalInsights/workspaces",
        });
        Assert.Equal("MsTeamsChannel", (string?)teams["properties"]!["channelName"]);
        Assert.True((bool)teams["properties"]!["properties"]!["isEnabled"]!);
    }

    [Fact]
    public async Task The_web_app_runs_dotnet_10_on_linux_over_https_only_with_tls_1_2_no_ftp_and_probes_readyz()
    {
        var site = await AzureTemplate.ResourceAsync("Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;
        var publishing = (await AzureTemplate.ResourcesAsync()).Where(r => (string?)r["type"] == "Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("SystemAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.Equal($"dotnet {typeof(Program).Assembly.GetName().Name}.dll", (string?)config["appCommandLine"]);
        Assert.Equal(("1.2", "1.2"), ((string?)config["minTlsVersion"], (string?)config["scmMinTlsVersion"]));
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.Equal("/readyz", (string?)config["healthCheckPath"]);
        Assert.True((bool)(await AzureTemplate.ResourceAsync("Microsoft.Web/serverfarms"))["properties"]!["reserved"]!);
        Assert.Equal(["ftp", "scm"], publishing.Where(p => !(bool)p["properties"]!["allow"]!).Select(p => ((string)p["name"]!).Split('/')[^1]).Order());
    }

    [Fact]
    public async Task The_web_apps_console_and_platform_logs_go_to_the_log_analytics_workspace_of_application_insights()
    {
        var settings = (await AzureTemplate.ResourceAsync("Microsoft.Insights/diagnosticSettings"))["properties"]!;
        var insights = (await AzureTemplate.ResourceAsync("Microsoft.Insights/components"))["properties"]!;

        Assert.Contains("AppServiceConsoleLogs", settings["logs"]!.AsArray().Select(l => (string?)l!["category"]));
        Assert.Contains(".outputs.workspaceId.value", (string?)settings["workspaceId"], StringComparison.Ordinal);
        Assert.EndsWith("/Microsoft.OperationalInsights/workspaces/" + (string?)(await AzureTemplate.ResourceAsync("Microsoft.OperationalInsights/workspaces"))["name"],
            (string?)insights["WorkspaceResourceId"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_refuses_public_blobs_account_keys_and_old_tls_and_the_app_identity_gets_table_and_blob_data_roles()
    {
        var account = (await AzureTemplate.ResourceAsync("Microsoft.Storage/storageAccounts"))["properties"]!;

        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.Equal([StorageTableDataContributor, StorageBlobDataContributor], await RolesOfTheAppOnAsync("/Microsoft.Storage/storageAccounts/"));
    }

    [Fact]
    public async Task Key_vault_authorizes_by_role_keeps_deleted_secrets_and_the_app_identity_may_read_them()
    {
        var vault = (await AzureTemplate.ResourceAsync("Microsoft.KeyVault/vaults"))["properties"]!;

        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.Equal([KeyVaultSecretsUser], await RolesOfTheAppOnAsync("/Microsoft.KeyVault/vaults/"));
    }

    [Fact]
    public async Task PostgreSQL_16_burstable_requires_tls_admits_azure_services_and_holds_the_chatops_database()
    {
        var server = await AzureTemplate.ResourceAsync("Microsoft.DBforPostgreSQL/flexibleServers");
        var tls = await AzureTemplate.ResourceAsync("Microsoft.DBforPostgreSQL/flexibleServers/configurations", "/require_secure_transport");
        var firewall = Assert.Single(await AzureTemplate.ResourcesAsync(), r => (string?)r["type"] == "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules")["properties"]!;

        Assert.Equal(("16", "Burstable"), ((string?)server["properties"]!["version"], (string?)server["sku"]!["tier"]));
        Assert.Equal("ON", (string?)tls["properties"]!["value"]);
        Assert.Equal(("0.0.0.0", "0.0.0.0"), ((string?)firewall["startIpAddress"], (string?)firewall["endIpAddress"]));
        await AzureTemplate.ResourceAsync("Microsoft.DBforPostgreSQL/flexibleServers/databases", "/chatops");
    }

    [Fact]
    public async Task The_bot_registration_is_the_single_tenant_app_posting_to_the_web_apps_api_messages()
    {
        var bot = await AzureTemplate.ResourceAsync("Microsoft.BotService/botServices");
        var properties = bot["properties"]!;

        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Equal("SingleTenant", (string?)properties["msaAppType"]);
        Assert.Equal(AzureTemplate.Environment["BOT_APP_ID"], (string?)properties["msaAppId"]);
        Assert.Equal(AzureTemplate.TenantId, (string?)properties["msaAppTenantId"]);
        Assert.StartsWith("[format('https://{0}/api/messages', ", (string?)properties["endpoint"], StringComparison.Ordinal);
        Assert.Contains(".outputs.hostName.value", (string?)properties["endpoint"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outputs_are_names_and_addresses_and_no_secret_given_to_the_deployment_appears_in_what_it_creates()
    {
        var outputs = (await AzureTemplate.CompiledAsync())["outputs"]!.AsObject();
        var snapshot = await AzureTemplate.SnapshotTextAsync();

        Assert.Equal(["botMessagingEndpoint", "keyVaultName", "webAppHostName", "webAppName"], outputs.Select(o => o.Key).Order());
        Assert.All(outputs, o => Assert.Equal("string", (string?)o.Value!["type"]));
        Assert.All(AzureTemplate.SecretValues, secret => Assert.DoesNotContain(secret, snapshot, StringComparison.Ordinal));
    }

    private static async Task<IEnumerable<string>> RolesOfTheAppOnAsync(string scope) =>
        (await AzureTemplate.ResourcesAsync())
            .Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments" && ((string)r["id"]!).Contains(scope, StringComparison.Ordinal))
            .Where(r => ((string)r["properties"]!["principalId"]!).Contains(".outputs.principalId.value", StringComparison.Ordinal)
                && (string?)r["properties"]!["principalType"] == "ServicePrincipal")
            .Select(r => ((string)r["properties"]!["roleDefinitionId"]!).Split('/')[^1])
            .Order();
}
