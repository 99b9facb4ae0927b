using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace ChatOps.Bot.Tests.Teams;

/// <summary>The Teams app package source in infra/teams-app, filled as package.sh fills it, and the schemas npm ships.</summary>
internal static partial class TeamsAppPackage
{
    public static readonly string Root = FindRoot();
    public static readonly string SourceDirectory = Path.Combine(Root, "infra", "teams-app");

    public static readonly IReadOnlyDictionary<string, string> SampleValues = new Dictionary<string, string>
    {
        ["APP_ID"] = "3f1c9a52-7d4e-4b8a-9c21-5e6f7a8b9c0d",
        ["BOT_APP_ID"] = "8e0b2a8c-4f3e-4b1a-9d2c-1234567890ab",
        ["VALID_DOMAIN"] = "chatops.contoso.com",
        ["APP_VERSION"] = "1.0.0",
        ["DEVELOPER_NAME"] = "Contoso Security",
        ["WEBSITE_URL"] = "https://chatops.contoso.com",
    };

    public static string ReadSource(string file) => File.ReadAllText(Path.Combine(SourceDirectory, file));

    /// <summary>manifest.json with every <c>{{NAME}}</c> replaced; an unknown placeholder fails the test.</summary>
    public static string FilledManifest(IReadOnlyDictionary<string, string>? values = null) =>
        Placeholder().Replace(ReadSource("manifest.json"), m =>
            (values ?? SampleValues).TryGetValue(m.Groups[1].Value, out var value)
                ? value
                : throw new InvalidOperationException($"manifest.json uses {m.Value}, which package.sh does not fill in this test"));

    public static JsonObject Manifest() => JsonNode.Parse(FilledManifest())!.AsObject();

    public static Task<JsonSchema> SchemaAsync(string manifestVersion, string file)
    {
        var path = Path.Combine(Root, "infra", "tools", "node_modules", "@microsoft", "app-manifest",
            "build", "json-schemas", "teams", $"v{manifestVersion}", file);
        Assert.True(File.Exists(path),
            $"{path} is missing: run infra/test (or `cd infra/tools && npm ci`) to install npm @microsoft/app-manifest");
        // Every $ref in the Teams schemas is local ("#/definitions/..."), so this loads offline.
        return JsonSchema.FromFileAsync(path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ChatOps.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"{{(\w+)}}")]
    private static partial Regex Placeholder();
}
