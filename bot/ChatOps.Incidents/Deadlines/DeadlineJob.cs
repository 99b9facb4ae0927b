namespace ChatOps.Incidents.Deadlines;

/// <summary>
/// One occurrence of a deadline, by ids only: what fires (<paramref name="Kind"/>, e.g. "sla-reminder" or
/// "page-escalation"), for which incident, for which clock or page, and which occurrence of it (e.g. "ack:75%:v2").
/// The four together name it: it fires at most once, however often it is scheduled.
/// </summary>
public sealed record DeadlineJob(string Kind, string IncidentId, string TargetId, string Occurrence)
{
    /// <summary>The occurrence key: equal for equal jobs, different otherwise.</summary>
    public string Key => $"{Kind}\n{IncidentId}\n{TargetId}\n{Occurrence}";

    public override string ToString() => $"{Kind} {IncidentId} {TargetId} {Occurrence}";
}

/// <summary>A deadline still to fire, as a feature's store knows it.</summary>
public sealed record PendingDeadline(DeadlineJob Job, DateTimeOffset DueAt);
