using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;

namespace ChatOps.Cards.Approvals;

/// <summary>The commander authorised a gated point without the client: said loudly, to the client's approvers by name.</summary>
public static class BreakGlassCard
{
    public static AdaptiveCard Build(Incident incident, Playbook playbook, GateOverride glass, Client client, CultureInfo language) => new(
    [
        new TextBlock(CardText.Format("BreakGlass.Title", language, incident.Id)) { Size = "Medium", Weight = "Bolder", Color = "Attention" },
        new TextBlock(CardText.Format("BreakGlass.What", language, glass.By.Name, ApprovalCard.Subject(playbook, glass.PointId, language),
            CardTime.Format(glass.At, TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone)))),
        new TextBlock(CardText.Get("BreakGlass.Justification", language)) { Size = "Small", Weight = "Bolder", IsSubtle = true },
        UserText.Literal(glass.Justification, Incident.MaxComment, language) with { Spacing = "None" },
        new TextBlock(CardText.Format("BreakGlass.Notified", language, string.Join("、", client.Approvers.Select(a => $"<at>{a.Name}</at>")))) { Separator = true },
    ])
    {
        Lang = language.TwoLetterISOLanguageName,
        Msteams = new TeamsCardProperties { Entities = [.. client.Approvers.Select(CardMention.For)] },
    };
}
