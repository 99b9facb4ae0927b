using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Playbooks;

namespace ChatOps.Cards.Incidents;

/// <summary>The declare form: client, type, severity, title, description. Errors come back beside their fields, values kept.</summary>
public static class DeclareFormCard
{
    public static AdaptiveCard Build(
        CultureInfo language, IReadOnlyList<Client> clients, Playbook playbook, string declarationId,
        DeclareIncident? values = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        var echo = new FormEcho(language, errors);
        errors = echo.Errors;
        List<CardElement> body = [new TextBlock(CardText.Get("Declare.Title", language)) { Size = "Medium", Weight = "Bolder" }];
        Field(body, errors, "client", new ChoiceSetInput([.. clients.Select(c => new Choice(c.Name, c.Id))])
        {
            Label = CardText.Get("Declare.Client", language),
            Value = echo.Keep("client", values?.Client) ?? (clients.Count == 1 ? clients[0].Id : null),
        }, language);
        Field(body, errors, "type", new ChoiceSetInput([.. playbook.Taxonomy.SelectMany(c => c.Types.Select(t => new Choice($"{c.Name.In(language)} · {t.Name.In(language)}", t.Id)))])
        {
            Label = CardText.Get("Declare.Type", language),
            Value = echo.Keep("type", values?.Type),
        }, language);
        Field(body, errors, "severity", new ChoiceSetInput([.. playbook.Severities.Select(s => new Choice($"{s.Id} · {s.Name.In(language)}", s.Id))])
        {
            Label = CardText.Get("Declare.Severity", language),
            Value = echo.Keep("severity", values?.Severity) ?? playbook.Severities[0].Id,
            Style = "expanded",
        }, language);
        Field(body, errors, "title", new TextInput
        {
            Label = CardText.Get("Declare.IncidentTitle", language),
            Value = echo.Keep("title", values?.Title),
            MaxLength = IncidentCard.MaxTitle,
        }, language);
        Field(body, errors, "description", new TextInput
        {
            Label = CardText.Get("Declare.Description", language),
            Value = echo.Keep("description", values?.Description),
            IsMultiline = true,
            MaxLength = IncidentCard.MaxDescription,
            IsRequired = false,
        }, language);
        var responders = clients.SelectMany(c => c.Responders).DistinctBy(p => p.AadObjectId).ToList();
        if (responders.Count > 0)
        {
            body.Add(new ChoiceSetInput([.. responders.Select(p => new Choice(p.Name, p.AadObjectId))])
            {
                Id = "commander",
                Label = CardText.Get("Declare.Commander", language),
                Placeholder = CardText.Get("Declare.CommanderIsMe", language),
                Value = echo.Keep("commander", values?.Commander),
            });
            if (errors.TryGetValue("commander", out var error))
                body.Add(UserText.Notice(error, "Attention", size: "Small") with { Spacing = "None" });
        }
        return new AdaptiveCard(body)
        {
            Lang = language.TwoLetterISOLanguageName,
            Actions = [new ExecuteAction(CardText.Get("Declare.Submit", language), new DeclareIncident(declarationId)) { Style = "positive" }],
        };
    }

    private static void Field(List<CardElement> body, IReadOnlyDictionary<string, string> errors, string id, CardElement input, CultureInfo language)
    {
        var required = CardText.Get("Declare.Required", language);
        body.Add(input switch
        {
            ChoiceSetInput c => c with { Id = id, IsRequired = true, ErrorMessage = required },
            TextInput t => t with { Id = id, IsRequired = t.IsRequired ?? true, ErrorMessage = required },
            _ => input,
        });
        if (errors.TryGetValue(id, out var error))
            body.Add(UserText.Notice(error, "Attention", size: "Small") with { Spacing = "None" });
    }
}
