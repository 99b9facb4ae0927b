using System.Globalization;
using System.Text;
using ChatOps.Cards.Resources;

namespace ChatOps.Bot.Teams;

/// <summary>
/// Channel display names as Teams accepts them: at most 50 characters, none of ~ # % &amp; * { } + / \ : &lt; &gt; ? | ' " ,
/// and no "..": https://learn.microsoft.com/microsoftteams/limits-specifications-teams#channel-names
/// </summary>
internal static class ChannelNames
{
    public const int MaxLength = 50;
    private const string Forbidden = "~#%&*{}+/\\:<>?|'\",";

    /// <summary>"INC-2026-0042 Homepage defaced", cut to fit; <paramref name="attempt"/> above 1 adds " (2)" for a name already taken.</summary>
    public static string For(string incidentId, string title, int attempt = 1)
    {
        var suffix = attempt > 1 ? $" ({attempt})" : "";
        return Fit(incidentId, title, MaxLength - suffix.Length) + suffix;
    }

    /// <summary>The name of a closed incident's channel: "[Closed] INC-2026-0042 Homepage…" in the client's language, still within 50 characters.</summary>
    public static string Closed(string incidentId, string title, CultureInfo language)
    {
        var marker = CardText.Format("Channel.Closed", language, "");
        return CardText.Format("Channel.Closed", language, Fit(incidentId, title, MaxLength - marker.Length));
    }

    private static string Fit(string incidentId, string title, int room)
    {
        var clean = new StringBuilder();
        foreach (var c in title)
        {
            // ".." is forbidden too: a run of periods keeps one.
            if (!Forbidden.Contains(c) && !char.IsControl(c) && !(c == '.' && clean.Length > 0 && clean[^1] == '.'))
                clean.Append(c);
        }
        var name = $"{incidentId} {string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))}";
        if (name.Length > room)
            name = name[..room].TrimEnd();
        // Teams refuses names that start with an underscore or a period, or end with a period.
        return name.Trim('.', ' ');
    }
}
