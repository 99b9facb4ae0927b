using System.Globalization;
using System.Resources;

namespace ChatOps.Reports.Resources;

/// <summary>
/// The report's words in one language, from ReportStrings.resx (en) and ReportStrings.zh-CN.resx, and its way of writing
/// instants (in the client's time zone, with the UTC offset) and durations.
/// </summary>
internal sealed class ReportText(CultureInfo language)
{
    private static readonly ResourceManager Strings = new("ChatOps.Reports.Resources.ReportStrings", typeof(ReportText).Assembly);

    // A long timeline asks for the same few formats 100,000 times.
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);

    public CultureInfo Language => language;

    public string this[string key]
    {
        get
        {
            if (!_cache.TryGetValue(key, out var text))
                _cache[key] = text = Strings.GetString(key, language) ?? throw new KeyNotFoundException($"No report text '{key}'.");
            return text;
        }
    }

    public string Format(string key, params object?[] args) => string.Format(language, this[key], args);

    /// <summary>Whether the key exists (in the language or its fallback): for texts chosen by a name from the data.</summary>
    public bool Has(string key) => _cache.ContainsKey(key) || Strings.GetString(key, language) is not null;

    public string Time(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString(this["Format.DateTime"], language);

    /// <summary>To the second: the timeline's instants.</summary>
    public string Instant(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString(this["Format.Instant"], language);

    /// <summary>Days, hours and minutes (seconds only under a minute), as the language writes them.</summary>
    public string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        if (span < TimeSpan.FromMinutes(1))
            return Format("Duration.Seconds", (int)span.TotalSeconds);
        if (span < TimeSpan.FromHours(1))
            return Format("Duration.Minutes", span.Minutes);
        if (span < TimeSpan.FromDays(1))
            return Format("Duration.Hours", span.Hours, span.Minutes);
        return Format("Duration.Days", (int)span.TotalDays, span.Hours, span.Minutes);
    }

    /// <summary>Names joined the way the language lists them (", " or "、"); the placeholder when there are none.</summary>
    public string List(IEnumerable<string> items)
    {
        var list = string.Join(this["List.Separator"], items);
        return list.Length == 0 ? this["None"] : list;
    }

    /// <summary>+08:00: the offset of an instant in the zone, as a report writes it after "UTC".</summary>
    public static string Offset(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("zzz", CultureInfo.InvariantCulture);
}
