using System.Text;

namespace ChatOps.Bot.Teams;

/// <summary>Channel display names as Teams accepts them: at most 50 characters, none of ~ # % &amp; * { } + / \ : &lt; &gt; ? | ' ".</summary>
internal static class ChannelNames
{
    public const int MaxLength = 50;
    private const string Forbidden = "~#%&*{}+/\\:<>?|'\"";

    /// <summary>"INC-2026-0042 Homepage defaced", cut to fit; <paramref name="attempt"/> above 1 adds " (2)" for a name already taken.</summary>
    public static string For(string incidentId, string title, int attempt = 1)
    {
        var clean = new StringBuilder();
        foreach (var c in title)
        {
            if (!Forbidden.Contains(c) && !char.IsControl(c))
                clean.Append(c);
        }
        var suffix = attempt > 1 ? $" ({attempt})" : "";
        var name = $"{incidentId} {string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))}";
        var room = MaxLength - suffix.Length;
        if (name.Length > room)
            name = name[..room].TrimEnd();
        // Teams refuses names that start with an underscore or a period, or end with a period.
        return name.Trim('.', ' ') + suffix;
    }
}
