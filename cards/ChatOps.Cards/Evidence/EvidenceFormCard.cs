using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Cards.Evidence;

/// <summary>The form that registers an evidence item. Errors come back beside their fields, the values kept.</summary>
public static class EvidenceFormCard
{
    /// <param name="collectors">The response team, offered as the collector (empty means the person submitting).</param>
    /// <param name="zone">The time zone the date and time inputs mean; they start at <paramref name="now"/> there.</param>
    public static AdaptiveCard Build(
        Incident incident, IReadOnlyList<Person> collectors, CultureInfo language, TimeZoneInfo zone, DateTimeOffset now, string formId,
        AddEvidence? values = null, IReadOnlyDictionary<string, string>? errors = null, string? notice = null)
    {
        var echo = new FormEcho(language, errors);
        errors = echo.Errors;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var required = CardText.Get("Declare.Required", language);
        List<CardElement> body =
        [
            new TextBlock(CardText.Format("Evidence.FormTitle", language, incident.Id)) { Size = "Medium", Weight = "Bolder" },
            new TextBlock(CardText.Get("Evidence.FormIntro", language)) { IsSubtle = true, Size = "Small" },
        ];
        if (notice is not null)
            body.Add(UserText.Notice(notice, "Attention", weight: "Bolder"));
        Field(body, errors, new ChoiceSetInput([.. EvidenceKinds.All.Select(k => new Choice(KindName(k, language), EvidenceKinds.Name(k)))])
        {
            Id = EvidenceField.Kind, Label = Label(EvidenceField.Kind, language), Value = echo.Keep(EvidenceField.Kind, values?.Kind), IsRequired = true, ErrorMessage = required,
        });
        Field(body, errors, Text(EvidenceField.Item, echo.Keep(EvidenceField.Item, values?.Item), language, required) with { IsMultiline = true });
        Field(body, errors, Text(EvidenceField.Source, echo.Keep(EvidenceField.Source, values?.Source), language, required));
        Field(body, errors, new ChoiceSetInput([.. collectors.Select(p => new Choice(p.Name, p.AadObjectId))])
        {
            Id = EvidenceField.CollectedBy,
            Label = Label(EvidenceField.CollectedBy, language),
            Placeholder = CardText.Get("Evidence.CollectedByMe", language),
            Value = echo.Keep(EvidenceField.CollectedBy, values?.CollectedBy),
        });
        body.Add(new DateInput
        {
            Id = "collectedDate",
            Label = CardText.Format("Evidence.Field.collectedDate", language, zone.Id),
            Value = echo.Keep(EvidenceField.CollectedAt, values?.CollectedDate) ?? local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Max = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IsRequired = true,
            ErrorMessage = required,
        });
        Field(body, errors, new TimeInput
        {
            Id = "collectedTime",
            Label = CardText.Format("Evidence.Field.collectedTime", language, zone.Id),
            Value = echo.Keep(EvidenceField.CollectedAt, values?.CollectedTime) ?? local.ToString("HH:mm", CultureInfo.InvariantCulture),
            IsRequired = true,
            ErrorMessage = required,
        }, EvidenceField.CollectedAt);
        Field(body, errors, Text(EvidenceField.Sha256, echo.Keep(EvidenceField.Sha256, values?.Sha256), language, CardText.Get($"Rule.{Rules.EvidenceSha256Invalid}", language)) with
        {
            Regex = "^\\s*[0-9a-fA-F]{64}\\s*$",
        });
        Field(body, errors, Text(EvidenceField.Location, echo.Keep(EvidenceField.Location, values?.Location), language, required));
        return new AdaptiveCard(body)
        {
            Lang = language.TwoLetterISOLanguageName,
            Actions = [new ExecuteAction(CardText.Get("Evidence.Submit", language), new AddEvidence(incident.Id, formId)) { Style = "positive" }],
        };
    }

    internal static string KindName(EvidenceKind kind, CultureInfo language) => CardText.Get($"Evidence.Kind.{EvidenceKinds.Name(kind)}", language);

    /// <summary>No maxLength: a client would cut pasted text silently, where the register refuses it with a reason.</summary>
    private static TextInput Text(string field, string? value, CultureInfo language, string errorMessage) => new()
    {
        Id = field, Label = Label(field, language), Value = value, IsRequired = true, ErrorMessage = errorMessage,
    };

    private static string Label(string field, CultureInfo language) => CardText.Get($"Evidence.Field.{field}", language);

    /// <summary>The input, then its error (if any) right under it; <paramref name="errorKey"/> when the error is not filed under the input's id.</summary>
    private static void Field(List<CardElement> body, IReadOnlyDictionary<string, string> errors, CardElement input, string? errorKey = null)
    {
        body.Add(input);
        if (errors.TryGetValue(errorKey ?? input.Id!, out var error))
            body.Add(UserText.Notice(error, "Attention", size: "Small") with { Spacing = "None" });
    }
}
