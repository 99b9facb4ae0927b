using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;

namespace ChatOps.Cards.Checklists;

/// <summary>One phase's control points with their state, owner and deliverables; buttons while the phase is current.</summary>
public static class ChecklistCard
{
    public const int MaxReason = 500;

    public static AdaptiveCard Build(Incident incident, Playbook playbook, string phaseId, CultureInfo language, string? notice = null)
    {
        var phase = playbook.Phase(phaseId);
        var number = playbook.Phases.ToList().IndexOf(phase) + 1;
        var current = phaseId == incident.Phase && !incident.IsClosed;
        List<CardElement> body =
        [
            new TextBlock($"{incident.Id} · " + CardText.Format("Checklist.Title", language, number, phase.Name.In(language))) { Size = "Medium", Weight = "Bolder" },
            new TextBlock(phase.Objective.In(language)) { IsSubtle = true, Size = "Small" },
        ];
        if (notice is not null)
            body.Add(UserText.Notice(notice, "Warning", weight: "Bolder"));
        body.AddRange(phase.ControlPoints.Select(point => Point(incident, point, current, language)));
        if (!current)
            body.Add(new TextBlock(CardText.Get("Checklist.PhaseClosed", language)) { IsSubtle = true, Separator = true });
        return new AdaptiveCard(body)
        {
            Lang = language.TwoLetterISOLanguageName,
            Msteams = new TeamsCardProperties(),
            Actions = current ? [new ExecuteAction(CardText.Get("Checklist.Advance", language), new AdvancePhase(incident.Id, phaseId))] : null,
        };
    }

    private static Container Point(Incident incident, ControlPoint point, bool current, CultureInfo language)
    {
        var state = incident.Points[point.Id];
        var optional = point.Mandatory ? "" : $" ({CardText.Get("Checklist.Optional", language)})";
        List<CardElement> items =
        [
            new ColumnSet(
            [
                new Column([new TextBlock($"{point.Id} {point.Name.In(language)}{optional}") { Weight = "Bolder" }]) { Width = "stretch" },
                new Column([new TextBlock(CardText.Get($"Checklist.Status.{state.Status}", language)) { Color = StatusColor(state.Status), Weight = "Bolder" }]) { Width = "auto" },
            ]),
            new TextBlock(Details(incident, point, state, language)) { IsSubtle = true, Size = "Small", Spacing = "None" },
        ];
        if (state.Reason is { } reason)
            items.Add(UserText.Literal(CardText.Format("Checklist.Reason", language, reason), MaxReason, language));
        if (state.LastNote is { } note)
            items.Add(UserText.Literal(CardText.Format("Checklist.Note", language, note), MaxReason, language));
        var actions = current && !state.IsSettled ? Buttons(incident, point, state, language) : [];
        actions.AddRange(state.Links.Select(l => new OpenUrlAction(LinkTitle(point, l, language), l.Url)));
        if (actions.Count > 0)
            items.Add(new ActionSet(actions));
        return new Container(items) { Separator = true, Spacing = "Medium" };
    }

    private static string Details(Incident incident, ControlPoint point, PointState state, CultureInfo language)
    {
        var parts = new List<string>
        {
            state.Assignee is { } a ? CardText.Format("Checklist.Assignee", language, a.Name) : CardText.Get("Checklist.Unassigned", language),
        };
        if (point.Deliverables.Count > 0)
            parts.Add(CardText.Format("Checklist.Deliverables", language, string.Join("、", point.Deliverables.Select(d => d.Name.In(language)))));
        if (point.IsGated)
            parts.Add(CardText.Get(
                incident.Overrides.Any(o => o.PointId == point.Id) ? "Checklist.Overridden"
                : incident.Authorised.Contains(point.Id) ? "Checklist.Authorised" : "Checklist.AwaitsAuthorisation", language));
        return string.Join(" · ", parts);
    }

    private static List<CardAction> Buttons(Incident incident, ControlPoint point, PointState state, CultureInfo language)
    {
        SetPointStatus Set(string to) => new(incident.Id, point.Id, state.Status.ToString(), to) { Revision = state.Revision };
        var buttons = new List<CardAction>();
        if (state.Status == PointStatus.Open)
            buttons.Add(new ExecuteAction(CardText.Get("Checklist.Start", language), Set(nameof(PointStatus.InProgress))));
        if (!point.IsGated || incident.Authorised.Contains(point.Id))
            buttons.Add(new ExecuteAction(CardText.Get("Checklist.Done", language), Set(nameof(PointStatus.Done))) { Style = "positive" });
        var reasonCard = new AdaptiveCard([new TextInput
        {
            Id = SetPointStatus.ReasonInputId(point.Id),
            Placeholder = CardText.Get("Checklist.ReasonPlaceholder", language),
            IsMultiline = true,
            MaxLength = MaxReason,
        }])
        {
            Actions = [new ExecuteAction(CardText.Get("Checklist.NotApplicable", language), Set(nameof(PointStatus.NotApplicable)))],
        };
        buttons.Add(new ShowCardAction(CardText.Get("Checklist.NotApplicable", language), reasonCard));
        return buttons;
    }

    private static string LinkTitle(ControlPoint point, DeliverableLink link, CultureInfo language) =>
        "📎 " + (point.Deliverables.FirstOrDefault(d => d.Id == link.DeliverableId)?.Name.In(language) ?? link.Url.Host);

    private static string StatusColor(PointStatus status) => status switch
    {
        PointStatus.Done => "Good",
        PointStatus.InProgress => "Accent",
        PointStatus.NotApplicable => "Default",
        _ => "Warning",
    };
}
