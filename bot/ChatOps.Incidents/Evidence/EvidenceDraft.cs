using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Incidents.Evidence;

/// <summary>An evidence item as someone entered it, before it is registered; <see cref="Problems"/> says what the register refuses.</summary>
public sealed partial record EvidenceDraft(
    EvidenceKind Kind, string Item, string Source, Person CollectedBy, DateTimeOffset CollectedAt, string Sha256, string Location)
{
    /// <summary>The longest item, source, location or custody note, in characters: longer text is refused, never cut.</summary>
    public const int MaxText = 500;

    /// <summary>How far in the future a collection time may be: the collector's clock may run a little ahead of ours.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public string? SubmissionId { get; init; }

    /// <summary>Every refusal, each with the field it concerns; empty when the draft can be registered.</summary>
    public IReadOnlyList<EvidenceProblem> Problems(DateTimeOffset now)
    {
        var problems = new List<EvidenceProblem>();
        if (!Enum.IsDefined(Kind))
            problems.Add(new(EvidenceField.Kind, new IncidentRuleException(Rules.EvidenceKindUnknown, Kind.ToString())));
        CheckText(problems, EvidenceField.Item, Item);
        CheckText(problems, EvidenceField.Source, Source);
        if (CollectedAt > now + ClockSkew)
            problems.Add(new(EvidenceField.CollectedAt, new IncidentRuleException(Rules.EvidenceCollectedInFuture)));
        if (string.IsNullOrWhiteSpace(Sha256))
            problems.Add(new(EvidenceField.Sha256, new IncidentRuleException(Rules.EvidenceFieldRequired, EvidenceField.Sha256)));
        else if (!Sha256Pattern().IsMatch(Sha256.Trim()))
            problems.Add(new(EvidenceField.Sha256, new IncidentRuleException(Rules.EvidenceSha256Invalid)));
        CheckText(problems, EvidenceField.Location, Location);
        return problems;
    }

    /// <summary>Null when the text is short enough; the refusal otherwise.</summary>
    internal static IncidentRuleException? TooLong(string field, string text) =>
        new StringInfo(text.Trim()).LengthInTextElements > MaxText
            ? new IncidentRuleException(Rules.EvidenceTooLong, field, MaxText.ToString(CultureInfo.InvariantCulture))
            : null;

    private static void CheckText(List<EvidenceProblem> problems, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            problems.Add(new(field, new IncidentRuleException(Rules.EvidenceFieldRequired, field)));
        else if (TooLong(field, text) is { } refusal)
            problems.Add(new(field, refusal));
    }

    [GeneratedRegex(@"^[0-9a-fA-F]{64}\z")]
    private static partial Regex Sha256Pattern();
}

/// <summary>A refusal of one field of a draft.</summary>
public sealed record EvidenceProblem(string Field, IncidentRuleException Refusal);

/// <summary>The fields of an evidence item, by the names forms and refusals use.</summary>
public static class EvidenceField
{
    public const string Kind = "kind";
    public const string Item = "item";
    public const string Source = "source";
    public const string CollectedBy = "collectedBy";
    public const string CollectedAt = "collectedAt";
    public const string Sha256 = "sha256";
    public const string Location = "location";
    public const string Note = "note";
}
