using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Settings;

/// <summary>
/// A key under one of the bot's sections that no option reads is refused at start, naming it, where it was set,
/// and the key it probably meant: <c>Bot:Conector:ClientSecret</c> would otherwise leave the secret unset in silence.
/// </summary>
internal sealed class UnknownSettingsCheck(IConfiguration configuration, IEnumerable<SettingsSection> sections) : IValidateOptions<ConfigurationKeys>
{
    private const int MaxTypos = 3;

    public ValidateOptionsResult Validate(string? name, ConfigurationKeys options)
    {
        var catalog = new SettingsCatalog(sections);
        var failures = new List<string>();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            // A section's own node may carry a value (WebApplicationFactory's settings do): its children are the keys.
            if (value is null || catalog.Owner(key) is not { } section || SettingsCatalog.Property(section, key) is not null
                || configuration.GetSection(key).GetChildren().Any())
                continue;
            var source = SettingsSources.Holding(configuration, key).LastOrDefault();
            var from = source is null ? "" : $" (set in {SettingsSources.Describe(source, key)})";
            var meant = Nearest(key, catalog.KnownKeys());
            failures.Add($"{key} is not a setting of the bot{from}" + (meant is null ? "." : $"; did you mean {meant}?"));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? Nearest(string key, IEnumerable<string> known) =>
        known.Select(k => (Key: k, Distance: Distance(key.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(k => k.Distance <= MaxTypos).OrderBy(k => k.Distance).Select(k => k.Key).FirstOrDefault();

    // Levenshtein distance, one row at a time.
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
