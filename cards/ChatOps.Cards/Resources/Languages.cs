using System.Globalization;

namespace ChatOps.Cards.Resources;

/// <summary>The two languages the product speaks: Simplified Chinese and English.</summary>
public static class Languages
{
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    public static IReadOnlyList<CultureInfo> All { get; } = [English, Chinese];

    /// <summary>zh, zh-CN, zh-Hans… → Chinese; anything else, or nothing → English.</summary>
    public static CultureInfo FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public static CultureInfo Other(CultureInfo language) => IsChinese(language) ? English : Chinese;

    public static bool IsChinese(CultureInfo language) => language.TwoLetterISOLanguageName == "zh";
}
