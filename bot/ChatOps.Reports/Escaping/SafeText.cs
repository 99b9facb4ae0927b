using System.Text;

namespace ChatOps.Reports.Escaping;

/// <summary>
/// People's text made safe for both formats: line ends become \n, and what XML 1.0 cannot carry (C0 controls other than
/// tab and line feed, U+FFFE, U+FFFF, unpaired surrogates) becomes U+FFFD, so a stray control character is seen, not lost;
/// so do DEL and the C1 controls, which XML takes but which only hide in a document (U+009B starts a terminal escape).
/// </summary>
internal static class SafeText
{
    public const char Replacement = '\uFFFD';

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        if (IsClean(text))
            return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\r')
            {
                clean.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
            }
            else if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(ch).Append(text[++i]);
            }
            else
            {
                clean.Append(IsAllowed(ch) ? ch : Replacement);
            }
        }
        return clean.ToString();
    }

    /// <summary>The lines of a text, without their leading and trailing blanks.</summary>
    public static string[] Lines(string? text) => [.. Clean(text).Split('\n').Select(l => l.Trim())];

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\r' || !IsAllowed(ch))
            {
                if (!char.IsHighSurrogate(ch) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    return false;
                i++;
            }
        }
        return true;
    }

    private static bool IsAllowed(char ch) =>
        ch is '\t' or '\n' || (ch >= ' ' && ch < '\u007F') || (ch > '\u009F' && ch < '\uD800') || (ch > '\uDFFF' && ch < '\uFFFE');
}
