using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Incidents;

/// <summary>The evidence register: items collected during the response and each one's chain of custody.</summary>
public sealed partial class Incident
{
    [JsonInclude] public List<EvidenceItem> Evidence { get; private set; } = [];

    /// <summary>The item with this id (EV-001, ev-001), if registered.</summary>
    public EvidenceItem? FindEvidence(string evidenceId) =>
        Evidence.FirstOrDefault(e => string.Equals(e.Id, evidenceId.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The item a form submission registered, if it did.</summary>
    public EvidenceItem? FindEvidenceSubmission(string submissionId) => Evidence.FirstOrDefault(e => e.SubmissionId == submissionId);

    /// <summary>Registers an item under the next id; a submission already registered adds nothing.</summary>
    public IReadOnlyList<TimelineEvent> AddEvidence(EvidenceDraft draft, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        if (draft.SubmissionId is { } submission && FindEvidenceSubmission(submission) is not null)
            return [];
        if (draft.Problems(now) is [var first, ..])
            throw first.Refusal;
        var item = new EvidenceItem(
            EvidenceItem.FormatId(Evidence.Count + 1), draft.Kind, draft.Item.Trim(), draft.Source.Trim(), draft.CollectedBy,
            draft.CollectedAt.ToUniversalTime(), draft.Sha256.Trim().ToLowerInvariant(), draft.Location.Trim())
        {
            SubmissionId = draft.SubmissionId,
        };
        Evidence.Add(item);
        return [Record("evidence.added", by, now, new JsonObject
        {
            ["evidence"] = item.Id, ["kind"] = EvidenceKinds.Name(item.Kind), ["item"] = item.Item, ["source"] = item.Source,
            ["collectedBy"] = item.CollectedBy.AadObjectId, ["collectedByName"] = item.CollectedBy.Name,
            ["collectedAt"] = item.CollectedAt.ToString("O", CultureInfo.InvariantCulture), ["sha256"] = item.Sha256,
            ["location"] = item.Location, ["submission"] = item.SubmissionId,
        })];
    }

    /// <summary>Hands an item from its current custodian to someone else.</summary>
    public IReadOnlyList<TimelineEvent> TransferCustody(string evidenceId, Person to, string? note, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        var item = FindEvidence(evidenceId) ?? throw new IncidentRuleException(Rules.EvidenceUnknown, evidenceId.Trim());
        var from = item.Custodian;
        if (from.AadObjectId == to.AadObjectId)
            throw new IncidentRuleException(Rules.EvidenceSameCustodian, to.Name, item.Id);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is not null && EvidenceDraft.TooLong(EvidenceField.Note, note) is { } refusal)
            throw refusal;
        Evidence[Evidence.IndexOf(item)] = item with { Custody = [.. item.Custody, new CustodyTransfer(from, to, now, by, note)] };
        return [Record("evidence.custody", by, now, new JsonObject
        {
            ["evidence"] = item.Id, ["from"] = from.AadObjectId, ["fromName"] = from.Name, ["to"] = to.AadObjectId, ["toName"] = to.Name, ["note"] = note,
        })];
    }
}
