using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Incidents;

/// <summary>Where incidents and their timelines live. A change and the events it produced are stored together or not at all.</summary>
public interface IIncidentStore
{
    /// <summary>The next id of the year (INC-2026-0042), unique under concurrency.</summary>
    Task<string> NextIdAsync(int year, CancellationToken ct);

    /// <summary>The incident id bound to one declaration (one submitted form): the same id however often it is retried.</summary>
    Task<string> IdForDeclarationAsync(string declarationId, int year, CancellationToken ct);

    /// <summary>Remembers that messages in this conversation (an incident's thread or dedicated channel) belong to the incident.</summary>
    Task BindConversationAsync(string conversationId, string incidentId, CancellationToken ct);

    /// <summary>The incident a conversation belongs to, if any.</summary>
    Task<string?> FindByConversationAsync(string conversationId, CancellationToken ct);

    /// <summary>Stores a new incident with its first events; fails with <see cref="ConcurrencyException"/> if the id exists.</summary>
    Task<StoredIncident> CreateAsync(Incident incident, IReadOnlyList<TimelineEvent> events, CancellationToken ct);

    Task<StoredIncident?> GetAsync(string incidentId, CancellationToken ct);

    /// <summary>Stores a change made to a loaded incident; fails with <see cref="ConcurrencyException"/> if someone else changed it since.</summary>
    Task<StoredIncident> SaveAsync(StoredIncident loaded, IReadOnlyList<TimelineEvent> events, CancellationToken ct);

    Task<IReadOnlyList<TimelineEvent>> ReadTimelineAsync(string incidentId, CancellationToken ct);

    /// <summary>Every incident not closed: what the deadline schedule is re-created from at start.</summary>
    IAsyncEnumerable<Incident> ListOpenAsync(CancellationToken ct);
}

/// <summary>An incident as loaded, with the store's concurrency token.</summary>
public sealed record StoredIncident(Incident Incident, string ETag);

/// <summary>Another change won the race; reload and try again (or show the fresh state).</summary>
public sealed class ConcurrencyException(string incidentId) : Exception($"Incident {incidentId} was changed by someone else.")
{
    public string IncidentId { get; } = incidentId;
}
