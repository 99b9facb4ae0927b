using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Sla;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Incidents;

/// <summary>The SLA calendars and policies, loaded once at start (a broken file stops the host with file, line and field).</summary>
internal sealed class SlaCatalog(IOptions<IncidentsOptions> options)
{
    private readonly Lazy<SlaCatalogData> _data = new(() =>
        SlaFileLoader.Load(Path.IsPathRooted(options.Value.SlaFile) ? options.Value.SlaFile : Path.Combine(AppContext.BaseDirectory, options.Value.SlaFile)));

    public SlaCatalogData Data => _data.Value;

    public SlaPolicy? Policy(string? id) => Data.Policy(id);

    public BusinessCalendar Calendar(string id) => Data.Calendar(id);

    /// <summary>Each clock of the incident as read now, named in both languages for the card.</summary>
    public IReadOnlyList<ClockLine> Read(Incident incident, DateTimeOffset now)
    {
        var definitions = Policy(incident.SlaPolicyId)?.Clocks ?? [];
        return [.. incident.Clocks.Select(c => new ClockLine(
            definitions.FirstOrDefault(d => d.Id == c.Id)?.Name ?? new ChatOps.Incidents.Playbooks.LocalizedText(c.Id, c.Id), c.Read(Calendar(c.CalendarId), now)))];
    }
}
