namespace ChatOps.Incidents.Checklists;

public enum PointStatus
{
    Open,
    InProgress,
    Done,
    NotApplicable,
}

/// <summary>Where one control point stands in one incident.</summary>
public sealed record PointState(PointStatus Status, Incidents.Person? Assignee, string? Reason, IReadOnlyList<DeliverableLink> Links)
{
    public static PointState New { get; } = new(PointStatus.Open, null, null, []);

    public bool IsSettled => Status is PointStatus.Done or PointStatus.NotApplicable;

    /// <summary>The latest note about this point (every note stays on the timeline).</summary>
    public string? LastNote { get; init; }

    /// <summary>
    /// How many times its status has changed. A card's buttons carry the revision they were drawn at, so a click that
    /// arrives late is refused even when the status has come round to the one it was drawn with (Open → … → Open).
    /// </summary>
    public int Revision { get; init; }
}

/// <summary>A link to where a deliverable document lives (SharePoint, a ticket, a file share).</summary>
public sealed record DeliverableLink(string DeliverableId, Uri Url);
