using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Sla;

namespace ChatOps.Cards.Incidents;

/// <summary>The contract clocks on the incident card: each one's state, and its deadline in the client's time zone.</summary>
public static class ClockFacts
{
    public static Container Build(IReadOnlyList<ClockLine> clocks, TimeZoneInfo zone, CultureInfo language) => new(
    [
        new TextBlock(CardText.Get("Sla.Title", language)) { Weight = "Bolder", Spacing = "Medium" },
        new FactSet([.. clocks.Select(c => new Fact(c.Name.In(language), Describe(c.Reading, zone, language)))]),
    ])
    { Separator = true };

    private static string Describe(SlaReading r, TimeZoneInfo zone, CultureInfo language)
    {
        var state = CardText.Get($"Sla.State.{r.State}", language);
        return r.State switch
        {
            SlaState.Running or SlaState.Breached when r.Deadline is { } due => CardText.Format("Sla.Due", language, state, CardTime.Format(due, zone), r.Percent),
            SlaState.NotStarted => state,
            _ => CardText.Format("Sla.Used", language, state, r.Percent),
        };
    }
}
