using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Evidence;

/// <summary>
/// Reads a submitted evidence form: the kind, the collector (from the response team), the date and time in the
/// client's zone, then the register's own checks. Every error by its field, in the reader's language.
/// </summary>
internal static class EvidenceForm
{
    private const int MaxEcho = 40;

    /// <summary>The zone the form's date and time mean and the register shows times in: the client's, else UTC.</summary>
    public static TimeZoneInfo Zone(Client? client) => client is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone);

    public static (EvidenceDraft? Draft, Dictionary<string, string> Errors) Read(
        AddEvidence form, IReadOnlyList<Person> team, Person sender, TimeZoneInfo zone, DateTimeOffset now, CultureInfo language)
    {
        var errors = new Dictionary<string, string>();
        var kind = EvidenceKinds.Find(form.Kind);
        if (kind is null)
        {
            errors[EvidenceField.Kind] = string.IsNullOrWhiteSpace(form.Kind)
                ? CardText.Rule(new IncidentRuleException(Rules.EvidenceFieldRequired, EvidenceField.Kind), language)
                : CardText.Rule(new IncidentRuleException(Rules.EvidenceKindUnknown, UserText.Clip(form.Kind, MaxEcho).Text), language);
        }
        var collector = string.IsNullOrWhiteSpace(form.CollectedBy) ? sender : team.FirstOrDefault(p => p.AadObjectId == form.CollectedBy.Trim());
        if (collector is null)
            errors[EvidenceField.CollectedBy] = CardText.Get("Evidence.UnknownCollector", language);
        var collectedAt = CollectedAt(form, zone);
        if (collectedAt is null)
            errors[EvidenceField.CollectedAt] = CardText.Get("Evidence.BadTime", language);
        var draft = new EvidenceDraft(
            kind ?? EvidenceKind.Other, form.Item ?? "", form.Source ?? "", collector ?? sender, collectedAt ?? now, form.Sha256 ?? "", form.Location ?? "")
        {
            SubmissionId = form.FormId,
        };
        foreach (var problem in draft.Problems(now))
            errors.TryAdd(problem.Field, CardText.Rule(problem.Refusal, language));
        return (errors.Count == 0 ? draft : null, errors);
    }

    /// <summary>The form's date and time as a moment in <paramref name="zone"/>; null when either is missing, malformed, or skipped by a clock change.</summary>
    private static DateTimeOffset? CollectedAt(AddEvidence form, TimeZoneInfo zone)
    {
        if (!DateOnly.TryParseExact(form.CollectedDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ||
            !TimeOnly.TryParseExact(form.CollectedTime?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }
        var local = date.ToDateTime(time);
        return zone.IsInvalidTime(local) ? null : new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
