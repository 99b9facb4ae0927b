using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Sla;

namespace ChatOps.Cards.Sla;

/// <summary>A clock passed a threshold: a warning before the deadline, or the breach; the owner is @mentioned.</summary>
public static class SlaReminderCard
{
    /// <param name="lateBy">How long after its due time the reminder went out (after a restart); under a minute is on time.</param>
    public static AdaptiveCard Build(Incident incident, ClockLine clock, int percent, Person owner, TimeSpan lateBy, TimeZoneInfo zone, CultureInfo language)
    {
        var breach = percent >= 100;
        var mention = CardMention.For(owner);
        List<CardElement> body =
        [
            new TextBlock(Headline(incident, clock, percent, language))
            {
                Weight = "Bolder", Color = breach ? "Attention" : "Warning",
            },
            new TextBlock(clock.Reading.Deadline is { } due
                ? CardText.Format("Sla.Reminder.Deadline", language, CardTime.Format(due, zone), mention.Text)
                : CardText.Format("Sla.Reminder.Owner", language, mention.Text)),
        ];
        if (lateBy >= TimeSpan.FromMinutes(1))
            body.Add(new TextBlock(CardText.Format("Sla.Reminder.Late", language, Duration(lateBy, language))) { IsSubtle = true, Size = "Small" });
        return new AdaptiveCard(body)
        {
            Lang = language.TwoLetterISOLanguageName,
            Msteams = new TeamsCardProperties { Entities = [mention] },
        };
    }

    /// <summary>The reminder's first line; a breach page carries it as its message.</summary>
    public static string Headline(Incident incident, ClockLine clock, int percent, CultureInfo language) =>
        CardText.Format(percent >= 100 ? "Sla.Reminder.Breach" : "Sla.Reminder.Warning", language, incident.Id, clock.Name.In(language), percent);

    private static string Duration(TimeSpan span, CultureInfo language) =>
        span.TotalHours >= 1
            ? CardText.Format("Sla.HoursMinutes", language, (int)span.TotalHours, span.Minutes)
            : CardText.Format("Sla.Minutes", language, Math.Max(1, (int)span.TotalMinutes));
}
