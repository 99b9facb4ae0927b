using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Teams;

namespace ChatOps.Bot.Tests.Deployment;

/// <summary>
/// infra/azure through the Bicep CLI, each step once per test run: the linter's findings, the compiled ARM template,
/// and Bicep's snapshot (the resources the deployment would create, evaluated offline with main.bicepparam).
/// </summary>
internal static class AzureTemplate
{
    public static readonly string Folder = Path.Combine(TeamsAppPackage.Root, "infra", "azure");

    public const string TenantId = "72f988bf-0000-4000-8000-00000000c0de";

    /// <summary>What docs/deploy.md exports before deploying: main.bicepparam reads the parameters from the environment.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Environment = new Dictionary<string, string?>
    {
        ["BOT_APP_ID"] = "8e0b2a8c-4f3e-4b1a-9d2c-1234567890ab",
        ["BOT_TENANT_ID"] = null,
        ["BOT_CLIENT_SECRET"] = "sample-client-secret-Q8~value",
        ["POSTGRES_ADMIN_PASSWORD"] = "sample;pass'word\"Q8",
        ["JOBS_DASHBOARD_API_KEY"] = "sample-dashboard-key-0123456789abcdef",
    };

    public static IEnumerable<string> SecretValues => new[] { "BOT_CLIENT_SECRET", "POSTGRES_ADMIN_PASSWORD", "JOBS_DASHBOARD_API_KEY" }.Select(n => Environment[n]!);

    private static readonly Lazy<Task<BicepCli.Result>> Lint = new(() =>
        BicepCli.RunAsync(Folder, ["lint", "--pattern", "**/*.bicep*"], Environment));

    private static readonly Lazy<Task<BicepCli.Result>> Build = new(() =>
        BicepCli.RunAsync(Folder, ["build", "main.bicep", "--stdout"]));

    private static readonly Lazy<Task<JsonObject>> Snapshot = new(SnapshotAsync);

    public static Task<BicepCli.Result> LintAsync() => Lint.Value;

    public static Task<BicepCli.Result> BuildAsync() => Build.Value;

    /// <summary>The ARM template of main.bicep (modules inlined as nested deployments).</summary>
    public static async Task<JsonObject> CompiledAsync()
    {
        var build = await Build.Value;
        Assert.True(build.ExitCode == 0, build.Errors);
        return JsonNode.Parse(build.Output)!.AsObject();
    }

    /// <summary>Every resource the deployment would create, with the values Bicep could evaluate offline.</summary>
    public static async Task<IReadOnlyList<JsonObject>> ResourcesAsync() =>
        [.. (await Snapshot.Value)["predictedResources"]!.AsArray().Select(r => r!.AsObject())];

    public static async Task<JsonObject> ResourceAsync(string type, string? nameEndsWith = null) =>
        Assert.Single(await ResourcesAsync(), r => (string?)r["type"] == type && (nameEndsWith is null || ((string)r["name"]!).EndsWith(nameEndsWith, StringComparison.Ordinal)));

    /// <summary>The web app's settings: a literal, or an ARM expression over a module's output that Azure resolves.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> AppSettingsAsync() =>
        (await ResourceAsync("Microsoft.Web/sites/config", "/appsettings"))["properties"]!.AsObject()
            .ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);

    public static async Task<string> SnapshotTextAsync() => (await Snapshot.Value).ToJsonString();

    // The snapshot is written beside the parameters file, so it runs on a copy of infra/azure.
    private static async Task<JsonObject> SnapshotAsync()
    {
        var copy = Directory.CreateTempSubdirectory("chatops-bicep-");
        try
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy.FullName, Path.GetRelativePath(Folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var run = await BicepCli.RunAsync(copy.FullName,
                ["snapshot", "main.bicepparam", "--subscription-id", "00000000-0000-4000-8000-000000000001", "--resource-group", "rg-chatops",
                 "--location", "westeurope", "--tenant-id", TenantId], Environment);
            Assert.True(run.ExitCode == 0, run.Errors + run.Output);
            return JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(copy.FullName, "main.snapshot.json")))!.AsObject();
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }
}
