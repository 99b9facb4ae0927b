using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatOps.Incidents.Pages;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Incidents.Incidents;

/// <summary>Pages for the incident: sent, escalated level by level while nobody acknowledges, ended by the first Ack.</summary>
public sealed partial class Incident
{
    public const int MaxPageMessage = 500;

    [JsonInclude] public List<Page> Pages { get; private set; } = [];

    public Page? FindPage(string pageId) => Pages.FirstOrDefault(p => string.Equals(p.Id, pageId, StringComparison.OrdinalIgnoreCase));

    public (Page Page, IReadOnlyList<TimelineEvent> Events) SendPage(
        PageReason reason, string message, string? policyId, int levels, IReadOnlyList<Person> targets, Person by, DateTimeOffset now)
    {
        EnsureOpen();
        var text = message.Trim();
        if (text.Length == 0)
            throw new IncidentRuleException(Rules.EmptyText, "message");
        if (text.Length > MaxPageMessage)
            throw new IncidentRuleException(Rules.TextTooLong, "message", MaxPageMessage.ToString(CultureInfo.InvariantCulture));
        if (targets.Count == 0)
            throw new IncidentRuleException(Rules.NobodyOnCall, policyId ?? "");
        var page = new Page(string.Create(CultureInfo.InvariantCulture, $"PG-{Pages.Count + 1:00}"), reason, text, policyId, Math.Max(1, levels), targets, by, now);
        Pages.Add(page);
        return (page, [Record("page.sent", by, now, new JsonObject
        {
            ["page"] = page.Id, ["reason"] = reason.ToString(), ["message"] = text, ["policy"] = policyId, ["level"] = 1, ["targets"] = Ids(targets),
        })]);
    }

    /// <summary>
    /// Nobody acknowledged in time: the next level is paged. A level with nobody on call is recorded as such, so the escalation
    /// goes on to the level after it. Nothing when acknowledged, past the last level, or already escalated.
    /// </summary>
    public IReadOnlyList<TimelineEvent> EscalatePage(string pageId, int toLevel, IReadOnlyList<Person> targets, Person by, DateTimeOffset now)
    {
        var page = FindPage(pageId);
        if (IsClosed || page is null || !page.IsOpen || toLevel != page.Level + 1 || toLevel > page.Levels)
            return [];
        page.Escalate(targets, now);
        return [Record("page.escalated", by, now, new JsonObject
        {
            ["page"] = page.Id, ["level"] = toLevel, ["targets"] = Ids(targets), ["nobodyOnCall"] = targets.Count == 0,
        })];
    }

    /// <summary>The first Ack ends the page (and acknowledges the incident); a second one changes nothing.</summary>
    public IReadOnlyList<TimelineEvent> AckPage(string pageId, Person by, DateTimeOffset now)
    {
        var page = FindPage(pageId) ?? throw new IncidentRuleException(Rules.UnknownPage, pageId);
        if (!page.IsOpen)
            return [];
        page.Ack(by, now);
        var events = new List<TimelineEvent> { Record("page.acked", by, now, new JsonObject { ["page"] = page.Id, ["level"] = page.Level }) };
        if (!IsClosed)
            events.AddRange(Acknowledge(by, now));
        return events;
    }

    private static JsonArray Ids(IEnumerable<Person> people) => [.. people.Select(p => (JsonNode?)p.AadObjectId)];
}
