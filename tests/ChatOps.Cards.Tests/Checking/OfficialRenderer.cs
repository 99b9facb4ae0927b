using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Adaptive;

namespace ChatOps.Cards.Tests.Checking;

/// <summary>What the official renderer (npm adaptivecards 3.0.6, Teams host config) said about one card.</summary>
public sealed record RendererVerdict(int Index, bool Ok, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

/// <summary>Runs infra/tools/card-check.js once for a batch of cards: node starts in seconds, a card takes milliseconds.</summary>
public static class OfficialRenderer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static readonly string[] Needed =
    [
        "card-check.js",
        "node_modules/adaptivecards/dist/adaptivecards.js",
        "node_modules/adaptivecards-designer/lib/hostConfigs/microsoft-teams-light.json",
        "node_modules/jsdom/package.json",
    ];

    public static IReadOnlyList<RendererVerdict> Check(IReadOnlyList<JsonNode> cards)
    {
        var tools = Path.Combine(RepositoryRoot(), "infra", "tools");
        var missing = Needed.Where(file => !File.Exists(Path.Combine(tools, file))).ToList();
        if (missing.Count > 0)
            Assert.Fail($"The card renderer is not installed (missing in {tools}: {string.Join(", ", missing)}). Run infra/test once: it runs `npm ci` in infra/tools.");
        var node = FindOnPath("node");

        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = tools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(tools, "card-check.js"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {node}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(new JsonArray([.. cards.Select(card => card.DeepClone())]).ToJsonString(CardJson.Options));
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"card-check.js did not finish within {Timeout.TotalSeconds:0} s.");
        }
        var output = stdout.GetAwaiter().GetResult();
        var verdicts = process.ExitCode == 0 ? Parse(output) : null;
        if (verdicts is null || verdicts.Count != cards.Count)
            Assert.Fail($"card-check.js exited {process.ExitCode} without one verdict per card.{Environment.NewLine}stdout: {output}{Environment.NewLine}stderr: {stderr.GetAwaiter().GetResult()}");
        return verdicts;
    }

    private static List<RendererVerdict>? Parse(string output)
    {
        try
        {
            return JsonSerializer.Deserialize<List<RendererVerdict>>(output, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FindOnPath(string program)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? program + ".exe" : program))
            .FirstOrDefault(File.Exists);
        if (found is null)
            Assert.Fail($"{program} is not on PATH. Install Node.js 20+ and run infra/test, which installs the card renderer.");
        return found;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No ChatOps.sln above {AppContext.BaseDirectory}.");
    }
}
