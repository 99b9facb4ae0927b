using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Reports.Documents;

/// <summary>
/// What the report needs from its inputs in every language, worked out once: the timeline snapshot and its verification,
/// who is who, the client's time zone, and which phase each measure (an approved proposal, a note on a point) belongs to.
/// </summary>
internal sealed class ReportFacts
{
    private ReportFacts(ReportInputs inputs, IReadOnlyList<TimelineEvent> events, ChainResult chain, TimeZoneInfo zone)
    {
        Inputs = inputs;
        Events = events;
        Chain = chain;
        Zone = zone;
    }

    public ReportInputs Inputs { get; }
    public Incident Incident => Inputs.Incident;
    public IReadOnlyList<TimelineEvent> Events { get; }
    public ChainResult Chain { get; }
    public TimeZoneInfo Zone { get; }
    public Dictionary<string, string> Names { get; private set; } = [];
    /// <summary>Each approval request's phase: its control point's, or (an ad-hoc operation) the phase it was asked in.</summary>
    public Dictionary<string, string> ApprovalPhases { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The notes written on each phase's control points, in order.</summary>
    public Dictionary<string, List<TimelineEvent>> PointNotes { get; } = new(StringComparer.Ordinal);

    public string Name(string? id) => id is null ? "" : Names.GetValueOrDefault(id, id);

    public static ReportFacts Gather(ReportInputs inputs)
    {
        var incident = inputs.Incident;
        // The state is a snapshot: events stored after it was read belong to the next version (as in AuditExport).
        var events = inputs.Timeline.Count <= incident.Version ? inputs.Timeline : inputs.Timeline.Take((int)Math.Min(incident.Version, int.MaxValue)).ToList();
        var facts = new ReportFacts(inputs, events, ChainVerification.Verify(events, incident.TimelineHead), TimeZoneInfo.FindSystemTimeZoneById(inputs.Client.TimeZone));
        facts.Names = AuditExport.Names(incident, inputs.Client);
        facts.AddPeople();
        facts.Index();
        return facts;
    }

    /// <summary>Everyone else the state names: collectors and custodians, paged people, summary writers, the bot.</summary>
    private void AddPeople()
    {
        IEnumerable<Person> people =
        [
            Person.Bot, .. Incident.Evidence.Select(e => e.CollectedBy),
            .. Incident.Evidence.SelectMany(e => e.Custody).SelectMany(c => new[] { c.From, c.To, c.By }),
            .. Incident.Pages.Select(p => p.RequestedBy), .. Incident.Pages.SelectMany(p => p.Rounds).SelectMany(r => r.Targets),
            .. Incident.Pages.Select(p => p.AckedBy).OfType<Person>(), .. Incident.Summary.Select(s => s.By),
            .. Incident.Reports.Select(r => r.RequestedBy), .. Incident.Reports.Select(r => r.Review?.By).OfType<Person>(),
        ];
        foreach (var person in people)
            Names.TryAdd(person.AadObjectId, person.Name);
    }

    /// <summary>One pass over the timeline: the phase at each event, and the names events carry for people no longer in the state.</summary>
    private void Index()
    {
        var playbook = Inputs.Playbook;
        var phase = playbook.Phases[0].Id;
        foreach (var e in Events)
        {
            switch (e.Type)
            {
                case "phase.advanced":
                    phase = AuditData.Text(e.Data, "to") ?? phase;
                    break;
                case "approval.requested" when AuditData.Text(e.Data, "request") is { } request:
                    ApprovalPhases.TryAdd(request, playbook.FindControlPoint(AuditData.Text(e.Data, "point") ?? "")?.PhaseId ?? phase);
                    break;
                case "note.added" when playbook.FindControlPoint(AuditData.Text(e.Data, "point") ?? "") is { } point:
                    Notes(point.PhaseId).Add(e);
                    break;
                case "point.assigned":
                    Remember(e, "assignee", "name");
                    break;
                case "evidence.added":
                    Remember(e, "collectedBy", "collectedByName");
                    break;
                case "evidence.custody":
                    Remember(e, "from", "fromName");
                    Remember(e, "to", "toName");
                    break;
            }
        }
    }

    private List<TimelineEvent> Notes(string phaseId)
    {
        if (!PointNotes.TryGetValue(phaseId, out var notes))
            PointNotes[phaseId] = notes = [];
        return notes;
    }

    private void Remember(TimelineEvent e, string idKey, string nameKey)
    {
        if (AuditData.Text(e.Data, idKey) is { } id && AuditData.Text(e.Data, nameKey) is { } name)
            Names.TryAdd(id, name);
    }
}
