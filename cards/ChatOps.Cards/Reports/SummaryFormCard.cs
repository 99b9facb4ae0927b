using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Reports;

namespace ChatOps.Cards.Reports;

/// <summary>
/// What only people know, for the report (seed 000 §6.2.1): phenomenon, cause and intrusion path, damage and loss,
/// recommendations, legal implications and follow-ups. Each field shows its current text and who wrote it; saving keeps both.
/// </summary>
public static class SummaryFormCard
{
    /// <param name="typed">What the person typed, shown instead of the stored text when their save was refused.</param>
    public static AdaptiveCard Build(
        Incident incident, TimeZoneInfo zone, CultureInfo language, string? notice = null, bool saved = false, IReadOnlyDictionary<SummaryField, string>? typed = null)
    {
        List<CardElement> body =
        [
            new TextBlock(CardText.Format("Summary.Title", language, incident.Id)) { Size = "Medium", Weight = "Bolder" },
            new TextBlock(CardText.Get("Summary.Explain", language)) { IsSubtle = true, Size = "Small", Spacing = "None" },
        ];
        if (notice is not null)
            body.Add(UserText.Notice(notice, saved ? "Good" : "Attention", weight: "Bolder"));
        // Eight fields of up to 4,000 characters (Chinese: three bytes each) do not fit in one card: one that does not stays as saved.
        var echo = new FormEcho(language);
        foreach (var field in Enum.GetValues<SummaryField>())
        {
            var entry = incident.FindSummary(field);
            var value = echo.Keep(typed is not null && typed.TryGetValue(field, out var text) ? text : entry?.Text, out var notShown);
            body.Add(new TextInput
            {
                Id = Incident.FieldName(field),
                Label = CardText.Get($"Summary.Field.{field}", language),
                Placeholder = CardText.Get($"Summary.Placeholder.{field}", language),
                Value = value,
                IsMultiline = true,
                MaxLength = SummaryEntry.MaxLength,
            });
            if (notShown)
                body.Add(new TextBlock(CardText.Get("Summary.NotShown", language)) { Color = "Warning", Size = "Small", Spacing = "None" });
            if (entry is not null)
                body.Add(new TextBlock(CardText.Format("Summary.WrittenBy", language, entry.By.Name, CardTime.Format(entry.At, zone))) { IsSubtle = true, Size = "Small", Spacing = "None" });
        }
        return new AdaptiveCard(body)
        {
            Lang = language.TwoLetterISOLanguageName,
            Msteams = new TeamsCardProperties(),
            Actions = incident.IsClosed ? [] : [new ExecuteAction(CardText.Get("Summary.Save", language), new SubmitSummary(incident.Id)) { Style = "positive" }],
        };
    }

    /// <summary>The form's inputs by field; blank or missing ones are left out (saving them changes nothing).</summary>
    public static IReadOnlyDictionary<SummaryField, string> Values(SubmitSummary verb)
    {
        var values = new Dictionary<SummaryField, string?>
        {
            [SummaryField.Phenomenon] = verb.Phenomenon, [SummaryField.Cause] = verb.Cause, [SummaryField.IntrusionPath] = verb.IntrusionPath,
            [SummaryField.Damage] = verb.Damage, [SummaryField.LossEstimate] = verb.LossEstimate, [SummaryField.Recommendations] = verb.Recommendations,
            [SummaryField.LegalImplications] = verb.LegalImplications, [SummaryField.FollowUps] = verb.FollowUps,
        };
        return values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }
}
