using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Rotations;

namespace ChatOps.Incidents.Tests.Rotations;

internal static class RotationFixture
{
    public static readonly Person Alex = new("aad-alex", "Alex Wilber");
    public static readonly Person Megan = new("aad-megan", "Megan Bowen");
    public static readonly Person Adele = new("aad-adele", "Adele Vance");
    public static readonly Person Lee = new("aad-lee", "Lee Gu");

    public static readonly TimeZoneInfo NewYork = ZonedTime.Zone("America/New_York");
    public static readonly TimeZoneInfo Shanghai = ZonedTime.Zone("Asia/Shanghai");

    public static RotationLayer Daily(string handoff, string start, params Person[] people) =>
        new("daily", ShiftKind.Daily, TimeOnly.Parse(handoff, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), people);

    public static RotationLayer Weekly(string handoff, string start, params Person[] people) =>
        Daily(handoff, start, people) with { Name = "weekly", Kind = ShiftKind.Weekly };

    public static Rotation In(string zone, params RotationLayer[] layers) => new("primary", "Primary on-call", zone, layers);

    /// <summary>An instant written with its offset, as a clock on the wall of that zone shows it.</summary>
    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
