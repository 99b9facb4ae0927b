using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatOps.Incidents.Incidents;

/// <summary>INC-2026-0042: the year of declaration and a number sequential within it.</summary>
public static partial class IncidentId
{
    public static string Format(int year, long number) => string.Create(CultureInfo.InvariantCulture, $"INC-{year}-{number:D4}");

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex(@"^INC-\d{4}-\d{4,}$")]
    private static partial Regex Pattern();
}
