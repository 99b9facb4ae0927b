using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.Bot.Conversations.IncidentChannels;
using ChatOps.Incidents.Rotations;

namespace ChatOps.Bot.Rotations;

/// <summary>
/// Reads <c>override primary @Megan now 4h</c> or <c>override primary me 2026-11-24 09:00 2026-11-24 18:00</c>: the
/// rotation, who (a mention, or me), and from/to as wall-clock times of the rotation's zone.
/// </summary>
internal static partial class OverrideLine
{
    /// <summary>The words of the line: the rotation id, whether the sender means themself, and the words of the two times.</summary>
    public sealed record Words(string Rotation, bool Me, IReadOnlyList<string> Times);

    public static Words? Split(string arguments, Mention? mention)
    {
        var text = mention is null ? arguments : arguments.Replace(mention.Text, " ", StringComparison.Ordinal);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var me = words.Skip(1).Any(IsMe);
        // Who is named once: by a mention or by "me", not both, not neither.
        if (words.Length == 0 || (mention is not null) == me)
            return null;
        return new Words(words[0], me, [.. words.Skip(1).Where(w => !IsMe(w))]);
    }

    /// <summary>From (now, or yyyy-MM-dd HH:mm) and to (yyyy-MM-dd HH:mm, or a duration such as 4h, 90m, 2d, 1h30m) as instants; null when unreadable.</summary>
    public static (DateTimeOffset From, DateTimeOffset To)? Interval(IReadOnlyList<string> words, TimeZoneInfo zone, DateTimeOffset now)
    {
        var at = 0;
        if (Moment(words, ref at, zone, now) is not { } from || at >= words.Count)
            return null;
        DateTimeOffset? to = Duration(words[at]) is { } length ? from + length : null;
        if (to is not null)
            at++;
        else
            to = Moment(words, ref at, zone, null);
        return to is { } end && at == words.Count ? (from, end) : null;
    }

    private static bool IsMe(string word) => word.Equals("me", StringComparison.OrdinalIgnoreCase) || word == "我";

    private static DateTimeOffset? Moment(IReadOnlyList<string> words, ref int at, TimeZoneInfo zone, DateTimeOffset? now)
    {
        if (now is { } current && (words[at].Equals("now", StringComparison.OrdinalIgnoreCase) || words[at] == "现在"))
        {
            at++;
            return current;
        }
        // "2026-11-24 09:00" as two words, or "2026-11-24T09:00" as one.
        var (text, used) = words[at].Contains('T', StringComparison.Ordinal) ? (words[at].Replace('T', ' '), 1)
            : at + 1 < words.Count ? ($"{words[at]} {words[at + 1]}", 2)
            : ("", 1);
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        at += used;
        return ZonedTime.Instant(local, zone);
    }

    private static TimeSpan? Duration(string word)
    {
        var match = DurationPattern().Match(word.ToLowerInvariant());
        if (!match.Success || match.Length == 0)
            return null;
        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var length = TimeSpan.FromDays(Part("d")) + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m"));
        return length > TimeSpan.Zero ? length : null;
    }

    [GeneratedRegex(@"^(?:(?<d>\d{1,3})d)?(?:(?<h>\d{1,4})h)?(?:(?<m>\d{1,5})(?:m|min))?$")]
    private static partial Regex DurationPattern();
}
