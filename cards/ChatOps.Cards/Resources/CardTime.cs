using System.Globalization;

namespace ChatOps.Cards.Resources;

/// <summary>Times as the client reads them: in the client's time zone, with its offset, the same in both languages.</summary>
public static class CardTime
{
    public static string Format(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);
}
