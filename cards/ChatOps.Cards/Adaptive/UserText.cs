using System.Globalization;
using System.Text;
using ChatOps.Cards.Resources;

namespace ChatOps.Cards.Adaptive;

/// <summary>Text people typed, made safe to show: literal (no Markdown), control characters removed, long text cut with a visible notice.</summary>
public static class UserText
{
    private const int MaxNotice = 1000;

    public static RichTextBlock Literal(string text, int maxLength, CultureInfo language, string? weight = null, string? size = null)
    {
        var (shown, cut) = Clip(text, maxLength);
        List<TextRun> runs = [new TextRun(shown) { Weight = weight, Size = size }];
        if (cut)
            runs.Add(new TextRun(" " + CardText.Get("Text.Truncated", language)) { IsSubtle = true, Italic = true, Size = "Small" });
        return new RichTextBlock(runs);
    }

    /// <summary>
    /// A line the bot writes that may quote what someone typed or clicked (an unknown client, a forged id, a refused rule's
    /// subject): shown literally like people's text, in a color, so the quote cannot format, link or mention.
    /// </summary>
    public static RichTextBlock Notice(string text, string color, string? weight = null, string? size = null) =>
        new([new TextRun(Clip(text, MaxNotice).Text) { Color = color, Weight = weight, Size = size }]);

    /// <summary>Removes control characters (keeping line breaks and tabs) and cuts to maxLength text elements.</summary>
    public static (string Text, bool Cut) Clip(string text, int maxLength)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c is '\n' or '\t')
                clean.Append(c);
        }
        var info = new StringInfo(clean.ToString().Trim());
        return info.LengthInTextElements <= maxLength ? (info.String, false) : (info.SubstringByTextElements(0, maxLength) + "…", true);
    }
}
