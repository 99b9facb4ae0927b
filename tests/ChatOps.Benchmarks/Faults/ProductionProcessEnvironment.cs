using System.Text.RegularExpressions;
using ChatOps.Benchmarks.Load;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// The settings the deployment gives the bot's process for the C library and the runtime rather than for the bot
/// (MALLOC_*, DOTNET_*), read from the app settings infra/azure deploys, so that the drills run the process as production does.
/// </summary>
internal static partial class ProductionProcessEnvironment
{
    public static string AppSettingsFile { get; } = Path.Combine(RepositoryRoot.Path, "infra", "azure", "modules", "app-settings.bicep");

    public static IReadOnlyDictionary<string, string> Read() => Parse(File.ReadLines(AppSettingsFile));

    /// <summary>Each line <c>MALLOC_ARENA_MAX: '2'</c> of the bicep's settings whose key is for the C library or the runtime.</summary>
    internal static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> bicepLines) =>
        bicepLines.Select(l => ProcessSetting().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*(?<key>(?:MALLOC|DOTNET)_[A-Za-z0-9_]+):\s*'(?<value>[^']*)'\s*$")]
    private static partial Regex ProcessSetting();
}
