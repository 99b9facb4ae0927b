using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Approvals;

/// <summary>
/// What the responders propose to do and the client is asked to authorise (seed 000, 规范性: the operation,
/// its risk and its rollback plan, in writing). Every field is required: an approver must see all of it.
/// </summary>
public sealed record Proposal(string Action, string Systems, string Risk, string Rollback, string Impact, string Window)
{
    public const int MaxField = 1000;

    public static IReadOnlyList<string> Fields { get; } = ["action", "systems", "risk", "rollback", "impact", "window"];

    public string this[string field] => field switch
    {
        "action" => Action,
        "systems" => Systems,
        "risk" => Risk,
        "rollback" => Rollback,
        "impact" => Impact,
        "window" => Window,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The proposal with whitespace trimmed, or a rule naming the first missing or over-long field.</summary>
    public Proposal Checked()
    {
        var trimmed = new Proposal(Action.Trim(), Systems.Trim(), Risk.Trim(), Rollback.Trim(), Impact.Trim(), Window.Trim());
        foreach (var field in Fields)
        {
            if (trimmed[field].Length == 0)
                throw new IncidentRuleException(Rules.ProposalFieldRequired, field);
            if (trimmed[field].Length > MaxField)
                throw new IncidentRuleException(Rules.TextTooLong, field, MaxField.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return trimmed;
    }

    public JsonObject ToJson() => new()
    {
        ["action"] = Action, ["systems"] = Systems, ["risk"] = Risk, ["rollback"] = Rollback, ["impact"] = Impact, ["window"] = Window,
    };

    /// <summary>SHA-256 (hex) of exactly what an approver is shown: which request, which revision, which point, every field.</summary>
    public string Hash(string incidentId, string requestId, int revision, string? pointId)
    {
        var shown = ToJson();
        shown["incident"] = incidentId;
        shown["request"] = requestId;
        shown["revision"] = revision;
        shown["point"] = pointId;
        return Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(shown)));
    }
}
