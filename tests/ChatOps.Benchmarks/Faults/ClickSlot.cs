using ChatOps.Incidents.Checklists;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// One checklist point of one incident, clicked by one person at a time: what the load knows of it, and every change it
/// knows the bot made — clicks answered with the updated card, and unanswered clicks later shown to have been applied.
/// The timeline must hold exactly these, in this order.
/// </summary>
internal sealed class ClickSlot(string incidentId, string pointId)
{
    public string IncidentId { get; } = incidentId;

    public string PointId { get; } = pointId;

    /// <summary>The status as last seen; the next click moves it on from here.</summary>
    public PointStatus Status { get; set; } = PointStatus.Open;

    /// <summary>The point's revision as last seen (its status changes so far); a click carries it, as the card's buttons do.</summary>
    public int Revision { get; set; }

    /// <summary>Changes the bot is known to have made, in order.</summary>
    public List<Change> Applied { get; } = [];

    /// <summary>A click that got no answer (bot down, storage down, cut mid-turn) and was not resolved by a later one.</summary>
    public Change? Unresolved { get; set; }

    /// <summary>Clicks answered with the updated card.</summary>
    public int Accepted { get; set; }

    /// <summary>Unanswered clicks whose change a later stale answer and a read of the store showed to be applied.</summary>
    public int Proven { get; set; }

    public int Busy;

    public static PointStatus After(PointStatus from) => from switch
    {
        PointStatus.Open => PointStatus.InProgress,
        PointStatus.InProgress => PointStatus.Done,
        _ => PointStatus.Open,
    };
}

/// <summary>A status change of a checklist point.</summary>
internal readonly record struct Change(PointStatus From, PointStatus To)
{
    public override string ToString() => $"{From}→{To}";
}
