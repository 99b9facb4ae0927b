using System.Globalization;
using System.Text;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Approvals;

/// <summary>
/// The audit events as RFC 4180 CSV: CRLF line ends, fields with a quote, comma or line break quoted, in UTF-8 with a
/// byte order mark (without it Excel reads the bytes as the local code page and Chinese turns to mojibake).
/// </summary>
public static class AuditCsv
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "sequence", "time_utc", "time_client", "event", "request", "point", "revision", "proposal_sha256", "actor_entra_id", "actor_name",
        "outcome", "text", "tenant", "event_sha256", "previous_sha256", "data",
    ];

    public static byte[] Write(IEnumerable<AuditRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var r in rows)
        {
            Line(csv,
            [
                r.Sequence.ToString(CultureInfo.InvariantCulture), AuditTime.Utc(r.At), AuditTime.Local(r.ClientAt), r.Type, r.Subject, r.Point,
                r.Revision?.ToString(CultureInfo.InvariantCulture), r.ProposalHash, r.Actor, r.ActorName, r.Outcome, r.Text, r.Tenant,
                r.Hash, r.PreviousHash, Encoding.UTF8.GetString(CanonicalJson.Serialize(r.Data)),
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// One field. Text a spreadsheet would run as a formula (= + - @, or a tab or carriage return first) is defused with a
    /// leading single quote, so a comment such as <c>=HYPERLINK(…)</c> stays text (OWASP CSV injection).
    /// </summary>
    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return text.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void Line(StringBuilder csv, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                csv.Append(',');
            csv.Append(Field(fields[i]));
        }
        csv.Append("\r\n");
    }
}

/// <summary>ISO 8601 to the millisecond: UTC with Z, the client's local time with its offset.</summary>
internal static class AuditTime
{
    public static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Local(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
