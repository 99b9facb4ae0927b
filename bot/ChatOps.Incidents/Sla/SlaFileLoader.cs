using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.Incidents.DataFiles;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Incidents.Sla;

/// <summary>Loads the SLA file (calendars and policies); any problem stops start with file, line and field.</summary>
public static partial class SlaFileLoader
{
    public static SlaCatalogData Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static SlaCatalogData Parse(string yaml, string file)
    {
        var reader = new YamlReader(file);
        var root = YamlReader.Root(yaml, file, "with 'calendars' and 'policies'");
        var calendars = reader.List(root, "calendars", "", required: false).Select(c => Calendar(reader, c.Node, c.Path)).ToList();
        calendars.Insert(0, BusinessCalendar.AlwaysOpen);
        var known = calendars.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var policies = reader.List(root, "policies", "").Select(p => Policy(reader, p.Node, p.Path, known)).ToList();
        if (reader.Problems.Count > 0)
            throw new DataFileException(reader.Problems);
        return new SlaCatalogData(calendars, policies);
    }

    private static BusinessCalendar Calendar(YamlReader reader, YamlMappingNode node, string path)
    {
        var zoneId = reader.Text(node, "timeZone", path);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) && zoneId.Length > 0)
            reader.Problem(YamlReader.At(node, "timeZone"), $"{path}.timeZone", $"'{zoneId}' is not a known time zone");
        var days = reader.Texts(node, "days", path).Select(d => Enum.TryParse<DayOfWeek>(Expand(d.Value), true, out var day) ? day : Bad<DayOfWeek>(reader, d.Node, $"{path}.days", "is not a day (Mon … Sun)")).ToHashSet();
        var hours = HoursPattern().Match(reader.Text(node, "hours", path));
        if (!hours.Success)
            reader.Problem(YamlReader.At(node, "hours"), $"{path}.hours", "must be HH:mm-HH:mm");
        var holidays = reader.Texts(node, "holidays", path).Select(h => DateOnly.TryParseExact(h.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : Bad<DateOnly>(reader, h.Node, $"{path}.holidays", "must be yyyy-MM-dd")).ToHashSet();
        return new BusinessCalendar(reader.Text(node, "id", path), zone ?? TimeZoneInfo.Utc, days,
            hours.Success ? TimeOnly.Parse(hours.Groups[1].Value, CultureInfo.InvariantCulture) : TimeOnly.MinValue,
            hours.Success ? TimeOnly.Parse(hours.Groups[2].Value, CultureInfo.InvariantCulture) : TimeOnly.MinValue, holidays);
    }

    private static SlaPolicy Policy(YamlReader reader, YamlMappingNode node, string path, HashSet<string> calendars)
    {
        var warnings = reader.Texts(node, "warnings", path).Select(w => int.TryParse(w.Value, out var p) && p is > 0 and <= 100 ? p : Bad<int>(reader, w.Node, $"{path}.warnings", "must be percentages from 1 to 100")).Order().ToList();
        if (!warnings.Contains(100))
            warnings.Add(100);
        var clocks = reader.List(node, "clocks", path).Select(c => Clock(reader, c.Node, c.Path, calendars)).ToList();
        return new SlaPolicy(reader.Text(node, "id", path), reader.Localized(node, "name", path), warnings, clocks);
    }

    private static ClockDefinition Clock(YamlReader reader, YamlMappingNode node, string path, HashSet<string> calendars)
    {
        var calendar = reader.Text(node, "calendar", path);
        if (calendar.Length > 0 && !calendars.Contains(calendar))
            reader.Problem(YamlReader.At(node, "calendar"), $"{path}.calendar", $"'{calendar}' is not a calendar ({string.Join(", ", calendars)})");
        var targets = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase);
        if (reader.Mapping(node, "targets", path) is { } map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode { Value: { } severity } && value is YamlScalarNode { Value: { } text } && Duration(text) is { } duration)
                    targets[severity] = duration;
                else
                    reader.Problem(value, $"{path}.targets", "each severity needs a duration such as 15m, 4h or 5d");
            }
        }
        return new ClockDefinition(reader.Text(node, "id", path), reader.Localized(node, "name", path), calendar,
            Trigger(reader, node, "starts", path), Trigger(reader, node, "stops", path), reader.Flag(node, "pausesForClient", path, false), targets);
    }

    private static EventTrigger Trigger(YamlReader reader, YamlMappingNode node, string key, string path)
    {
        var text = reader.Text(node, key, path);
        try
        {
            return EventTrigger.Parse(text);
        }
        catch (FormatException e)
        {
            if (text.Length > 0)
                reader.Problem(YamlReader.At(node, key), $"{path}.{key}", e.Message);
            return new EventTrigger("", new Dictionary<string, string>());
        }
    }

    /// <summary>"90m", "4h", "5d", "1d12h" (and "30s", for tests and drills).</summary>
    public static TimeSpan? Duration(string text)
    {
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
            return null;
        int Part(int group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var duration = new TimeSpan(Part(1), Part(2), Part(3), Part(4));
        return duration > TimeSpan.Zero ? duration : null;
    }

    private static string Expand(string day) => day.Length == 3
        ? Enum.GetNames<DayOfWeek>().FirstOrDefault(n => n.StartsWith(day, StringComparison.OrdinalIgnoreCase)) ?? day
        : day;

    private static T Bad<T>(YamlReader reader, YamlNode node, string field, string message)
    {
        reader.Problem(node, field, message);
        return default!;
    }

    [GeneratedRegex(@"^(\d{2}:\d{2})-(\d{2}:\d{2})$")]
    private static partial Regex HoursPattern();

    [GeneratedRegex(@"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")]
    private static partial Regex DurationPattern();
}

/// <summary>The calendars (24x7 first) and the policies of the SLA file.</summary>
public sealed record SlaCatalogData(IReadOnlyList<BusinessCalendar> Calendars, IReadOnlyList<SlaPolicy> Policies)
{
    public BusinessCalendar Calendar(string id) => Calendars.FirstOrDefault(c => c.Id == id) ?? BusinessCalendar.AlwaysOpen;

    public SlaPolicy? Policy(string? id) => Policies.FirstOrDefault(p => p.Id == id);
}
