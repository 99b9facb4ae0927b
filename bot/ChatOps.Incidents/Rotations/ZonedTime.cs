namespace ChatOps.Incidents.Rotations;

/// <summary>Wall-clock times of a rotation's time zone as instants, with one rule for each daylight-saving edge.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant a local date and time names in the zone. A time that spring-forward skips moves on by the gap
    /// (02:30 becomes 03:30); a time that fall-back repeats is its first occurrence. The result carries the zone's offset.
    /// </summary>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        if (!zone.IsInvalidTime(local))
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        // Clocks jump forward, so the offset before the gap is the smaller of the two around it.
        var before = new[] { zone.GetUtcOffset(local.AddDays(-1)), zone.GetUtcOffset(local.AddDays(1)) }.Min();
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, before), zone);
    }

    public static DateTimeOffset Instant(DateOnly date, TimeOnly time, TimeZoneInfo zone) => Instant(date.ToDateTime(time), zone);

    /// <summary>The instant as the zone's clocks show it.</summary>
    public static DateTime Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).DateTime;

    /// <summary>The zone of an IANA id (Asia/Shanghai, America/New_York).</summary>
    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
