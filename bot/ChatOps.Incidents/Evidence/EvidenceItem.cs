using System.Globalization;
using System.Text.Json.Serialization;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Incidents.Evidence;

/// <summary>
/// One item of the incident's evidence register: what it is, where it came from, who collected it when,
/// its SHA-256 (lower-case hex) and where it is kept, with every hand-over since.
/// </summary>
public sealed record EvidenceItem(
    string Id, EvidenceKind Kind, string Item, string Source, Person CollectedBy, DateTimeOffset CollectedAt, string Sha256, string Location)
{
    /// <summary>Hand-overs in order; the first is from the collector.</summary>
    public IReadOnlyList<CustodyTransfer> Custody { get; init; } = [];

    /// <summary>The form submission that registered the item, so a second click on the same form adds nothing.</summary>
    public string? SubmissionId { get; init; }

    /// <summary>Who holds the item now: the last transfer's recipient, or the collector.</summary>
    [JsonIgnore]
    public Person Custodian => Custody.Count > 0 ? Custody[^1].To : CollectedBy;

    /// <summary>EV-001, EV-002, … in the order items are registered on the incident.</summary>
    public static string FormatId(int number) => string.Create(CultureInfo.InvariantCulture, $"EV-{number:D3}");
}

/// <summary>One hand-over in the chain of custody, recorded by <see cref="By"/>.</summary>
public sealed record CustodyTransfer(Person From, Person To, DateTimeOffset At, Person By, string? Note);
