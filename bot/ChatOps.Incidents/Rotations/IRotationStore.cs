namespace ChatOps.Incidents.Rotations;

/// <summary>
/// The rotations and escalation policies, as stored (Azure Tables): the definitions kept in step with the
/// rotations file at start, the overrides added by command kept apart from them so a new file leaves them be.
/// </summary>
public interface IRotationStore
{
    /// <summary>Every rotation with its overrides (those that ended more than a month ago are left out).</summary>
    Task<IReadOnlyList<Rotation>> ListAsync(CancellationToken ct);

    Task<Rotation?> FindAsync(string rotationId, CancellationToken ct);

    Task<IReadOnlyList<EscalationPolicy>> ListPoliciesAsync(CancellationToken ct);

    Task<EscalationPolicy?> FindPolicyAsync(string policyId, CancellationToken ct);

    /// <summary>Stores a rotation's definition (its layers), leaving its stored overrides as they are.</summary>
    Task UpsertAsync(Rotation rotation, CancellationToken ct);

    Task UpsertAsync(EscalationPolicy policy, CancellationToken ct);

    /// <summary>Stores an override of a rotation; the same override added twice is stored once.</summary>
    Task AddOverrideAsync(string rotationId, RotationOverride added, CancellationToken ct);
}
