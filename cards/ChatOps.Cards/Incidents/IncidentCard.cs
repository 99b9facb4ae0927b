using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Sla;

namespace ChatOps.Cards.Incidents;

/// <summary>The first post of an incident channel: what, for whom, how bad, where it stands, and who is who.</summary>
public static class IncidentCard
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 2000;

    public static AdaptiveCard Build(
        Incident incident, Playbook playbook, Client client, CultureInfo language, TimeZoneInfo zone, Uri? channelLink = null, IReadOnlyList<ClockLine>? clocks = null)
    {
        var phase = playbook.Phase(incident.Phase);
        var phaseNumber = playbook.Phases.ToList().IndexOf(phase) + 1;
        var type = playbook.FindType(incident.TypeId);
        List<CardElement> body =
        [
            new TextBlock(incident.Id) { Size = "Large", Weight = "Bolder", Color = SeverityColor(incident.SeverityId) },
            UserText.Literal(incident.Title, MaxTitle, language, weight: "Bolder", size: "Medium"),
            new FactSet(
            [
                new Fact(CardText.Get("Incident.Client", language), client.Name),
                new Fact(CardText.Get("Incident.Type", language), type is null ? incident.TypeId : $"{Category(playbook, type, language)} · {type.Name.In(language)}"),
                new Fact(CardText.Get("Incident.Severity", language), $"{incident.SeverityId} · {playbook.FindSeverity(incident.SeverityId)?.Name.In(language)}"),
                new Fact(CardText.Get("Incident.Phase", language), $"{phaseNumber}/6 · {phase.Name.In(language)}"),
                new Fact(CardText.Get("Incident.Commander", language), incident.Commander.Name),
                new Fact(CardText.Get("Incident.DeclaredBy", language), incident.DeclaredBy.Name),
                new Fact(CardText.Get("Incident.DeclaredAt", language), TimeZoneInfo.ConvertTime(incident.DeclaredAt, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)),
                new Fact(CardText.Get("Incident.Approvers", language), string.Join(", ", client.Approvers.Select(a => a.Name))),
                new Fact(CardText.Get("Incident.Playbook", language), playbook.Name.In(language)),
            ]),
        ];
        if (incident.Description.Length > 0)
            body.Add(UserText.Literal(incident.Description, MaxDescription, language));
        if (clocks is { Count: > 0 })
            body.Add(ClockFacts.Build(clocks, zone, language));
        return new AdaptiveCard(body)
        {
            Lang = language.TwoLetterISOLanguageName,
            Msteams = new TeamsCardProperties(),
            Actions = channelLink is null ? null : [new OpenUrlAction(CardText.Get("Incident.OpenChannel", language), channelLink)],
        };
    }

    private static string Category(Playbook playbook, IncidentType type, CultureInfo language) =>
        playbook.Taxonomy.First(c => c.Id == type.CategoryId).Name.In(language);

    private static string SeverityColor(string severity) => severity.ToUpperInvariant() switch
    {
        "P1" => "Attention",
        "P2" => "Warning",
        _ => "Default",
    };
}
