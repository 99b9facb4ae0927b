using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Approvals;

/// <summary>
/// The audit as one JSON document: the incident, the chain's head and verification, each request with every revision's
/// hash and text, its decisions and refusals, the break-glass overrides, and the same events as the CSV.
/// </summary>
public static class AuditJson
{
    public const string Format = "chatops.audit/1";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(AuditExport export, Incident incident, Client client, IReadOnlyDictionary<string, string> names)
    {
        var document = new JsonObject
        {
            ["format"] = Format,
            ["incident"] = new JsonObject { ["id"] = incident.Id, ["title"] = incident.Title, ["type"] = incident.TypeId, ["severity"] = incident.SeverityId, ["phase"] = incident.Phase, ["closed"] = incident.IsClosed },
            ["client"] = new JsonObject { ["id"] = client.Id, ["name"] = client.Name, ["tenant"] = client.TenantId, ["timeZone"] = client.TimeZone },
            ["generatedAt"] = AuditTime.Utc(export.GeneratedAt),
            ["timeline"] = new JsonObject
            {
                ["head"] = export.Head, ["events"] = export.Chain.Count,
                ["chain"] = new JsonObject { ["intact"] = export.Chain.Intact, ["firstBrokenAt"] = export.Chain.BrokenAt, ["reason"] = export.Chain.Reason },
            },
            ["counts"] = new JsonObject
            {
                ["requests"] = export.Counts.Requests, ["decisions"] = export.Counts.Decisions, ["refusals"] = export.Counts.Refusals, ["overrides"] = export.Counts.Overrides,
            },
            ["requests"] = new JsonArray([.. incident.Approvals.Select(r => Request(r, export.Rows, names))]),
            ["overrides"] = new JsonArray([.. incident.Overrides.Select(o => new JsonObject
            {
                ["point"] = o.PointId, ["by"] = Who(o.By.AadObjectId, names), ["at"] = AuditTime.Utc(o.At), ["justification"] = o.Justification,
            })]),
            ["events"] = new JsonArray([.. export.Rows.Select(Event)]),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Options);
    }

    private static JsonObject Request(ApprovalRequest request, IReadOnlyList<AuditRow> rows, IReadOnlyDictionary<string, string> names)
    {
        var mine = rows.Where(r => string.Equals(r.Subject, request.Id, StringComparison.OrdinalIgnoreCase)).ToList();
        return new JsonObject
        {
            ["id"] = request.Id, ["point"] = request.PointId, ["status"] = request.Status.ToString(), ["quorum"] = request.Quorum,
            ["requestedBy"] = Who(request.RequestedBy.AadObjectId, names), ["requestedAt"] = AuditTime.Utc(request.RequestedAt),
            ["expiresAt"] = AuditTime.Utc(request.ExpiresAt), ["revision"] = request.Revision, ["proposalHash"] = request.ProposalHash,
            ["proposal"] = request.Proposal.ToJson(),
            ["revisions"] = new JsonArray([.. mine.Where(r => r.Type is "approval.requested" or "approval.revised").Select(r => new JsonObject
            {
                ["revision"] = r.Revision, ["proposalHash"] = r.ProposalHash, ["at"] = AuditTime.Utc(r.At), ["by"] = Who(r.Actor, names), ["event"] = r.Sequence,
                ["proposal"] = new JsonObject([.. Proposal.Fields.Select(f => KeyValuePair.Create(f, (JsonNode?)AuditData.Text(r.Data, f)))]),
            })]),
            ["decisions"] = new JsonArray([.. request.Decisions.Select(d => new JsonObject
            {
                ["revision"] = d.Revision, ["proposalHash"] = d.ProposalHash, ["decision"] = d.Kind.ToString(), ["by"] = Who(d.By.AadObjectId, names),
                ["tenant"] = d.TenantId, ["at"] = AuditTime.Utc(d.At), ["comment"] = d.Comment, ["counts"] = d.Revision == request.Revision,
            })]),
            ["refusals"] = new JsonArray([.. mine.Where(r => r.Type == "approval.refused").Select(r => new JsonObject
            {
                ["rule"] = r.Text, ["proposalHash"] = r.ProposalHash, ["revision"] = r.Revision, ["by"] = Who(r.Actor, names),
                ["tenant"] = r.Tenant, ["at"] = AuditTime.Utc(r.At), ["event"] = r.Sequence,
            })]),
        };
    }

    private static JsonObject Event(AuditRow r) => new()
    {
        ["sequence"] = r.Sequence, ["type"] = r.Type, ["at"] = AuditTime.Utc(r.At), ["clientTime"] = AuditTime.Local(r.ClientAt),
        ["request"] = r.Subject, ["point"] = r.Point, ["revision"] = r.Revision, ["proposalHash"] = r.ProposalHash,
        ["actor"] = r.Actor, ["actorName"] = r.ActorName, ["outcome"] = r.Outcome, ["text"] = r.Text, ["tenant"] = r.Tenant,
        ["hash"] = r.Hash, ["previousHash"] = r.PreviousHash, ["data"] = r.Data.DeepClone(),
    };

    private static JsonObject Who(string id, IReadOnlyDictionary<string, string> names) => new() { ["id"] = id, ["name"] = names.GetValueOrDefault(id) };
}
