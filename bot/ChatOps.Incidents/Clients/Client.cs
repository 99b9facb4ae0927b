using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Incidents.Clients;

/// <summary>
/// A client organisation (甲方) under contract: its Teams tenant and team, its language and time zone,
/// the people who may authorise risky steps, and the playbook and SLA policy its contract names.
/// </summary>
public sealed record Client(
    string Id,
    string Name,
    string TenantId,
    string TeamId,
    string Locale,
    string TimeZone,
    string PlaybookId,
    string? SlaPolicyId,
    IReadOnlyList<Person> Approvers,
    IReadOnlyList<Person> Responders)
{
    /// <summary>Set where no channel can be created (Development, the Playground): incidents open as threads in this channel.</summary>
    public string? IncidentChannelId { get; init; }

    /// <summary>How many approvers must approve (k of N, 1 by default) and how long a request stays open.</summary>
    public ApprovalPolicy Approval { get; init; } = ApprovalPolicy.Default;

    /// <summary>The escalation policy paged for this client's incidents (on a breach, and on declaration at the severities listed).</summary>
    public string? EscalationPolicyId { get; init; }

    public IReadOnlyList<string> PageOnDeclare { get; init; } = [];

    /// <summary>Only the client's designated approvers, signed in to the client's own tenant, decide.</summary>
    public bool MayDecide(string? aadObjectId, string? tenantId) =>
        IsApprover(aadObjectId) && string.Equals(tenantId, TenantId, StringComparison.OrdinalIgnoreCase);

    public bool IsApprover(string? aadObjectId) => aadObjectId is not null && Approvers.Any(a => a.AadObjectId == aadObjectId);

    public bool IsResponder(string? aadObjectId) => aadObjectId is not null && Responders.Any(r => r.AadObjectId == aadObjectId);
}

/// <summary>The clients, as stored (Azure Tables), kept in step with the configured clients file at start.</summary>
public interface IClientDirectory
{
    Task<Client?> FindAsync(string clientId, CancellationToken ct);

    Task<IReadOnlyList<Client>> ListAsync(CancellationToken ct);

    Task UpsertAsync(Client client, CancellationToken ct);
}
