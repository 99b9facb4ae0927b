using System.Globalization;
using ChatOps.Cards.Adaptive;

namespace ChatOps.Cards.Help;

/// <summary>A one-line card that answers a click which could not be carried out (unknown incident, refused rule).</summary>
public static class NoticeCard
{
    public static AdaptiveCard Attention(string text, CultureInfo language) =>
        new([UserText.Notice(text, "Attention")]) { Lang = language.TwoLetterISOLanguageName };
}
