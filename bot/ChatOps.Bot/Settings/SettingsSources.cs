using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace ChatOps.Bot.Settings;

/// <summary>Where a key's value comes from, said the way an operator would look for it.</summary>
internal static class SettingsSources
{
    /// <summary>The providers that hold a value for the key, in the order they are read (the last one wins).</summary>
    public static IEnumerable<IConfigurationProvider> Holding(IConfiguration configuration, string key) =>
        configuration is IConfigurationRoot root
            ? root.Providers.Where(p => p.TryGet(key, out var value) && !string.IsNullOrEmpty(value))
            : [];

    public static string Describe(IConfigurationProvider provider, string key) => provider switch
    {
        FileConfigurationProvider file => $"the file {file.Source.Path}",
        EnvironmentVariablesConfigurationProvider => $"the environment variable {key.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal)}",
        _ => provider.GetType().Name,
    };
}
