using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;

namespace ChatOps.Cards.Approvals;

/// <summary>
/// The proposal form a responder fills in to ask the client's authorisation: what will be done, on which systems,
/// the risk, the rollback plan, the expected impact and the window. Errors come back beside their fields, values kept.
/// </summary>
public static class ApprovalFormCard
{
    public static AdaptiveCard Build(
        Incident incident, Playbook playbook, string? pointId, string? requestId, Proposal? values, CultureInfo language,
        IReadOnlyDictionary<string, string>? errors = null)
    {
        var echo = new FormEcho(language, errors);
        var subject = ApprovalCard.Subject(playbook, pointId, language);
        List<CardElement> body =
        [
            new TextBlock(CardText.Format(requestId is null ? "Approval.Form.Title" : "Approval.Form.Revise", language, incident.Id, requestId ?? "")) { Size = "Medium", Weight = "Bolder" },
            new TextBlock(subject) { IsSubtle = true, Spacing = "None" },
            new TextBlock(CardText.Get("Approval.Form.Explain", language)) { Size = "Small", IsSubtle = true },
        ];
        foreach (var field in Proposal.Fields)
        {
            body.Add(new TextInput
            {
                Id = field,
                Label = CardText.Get($"Approval.Field.{field}", language),
                Placeholder = CardText.Get($"Approval.Placeholder.{field}", language),
                Value = echo.Keep(field, values?[field]),
                IsMultiline = field is not ("window" or "impact"),
                MaxLength = Proposal.MaxField,
                IsRequired = true,
                ErrorMessage = CardText.Get("Declare.Required", language),
            });
            if (echo.Errors.TryGetValue(field, out var error))
                body.Add(UserText.Notice(error, "Attention", size: "Small") with { Spacing = "None" });
        }
        if (echo.Errors.TryGetValue("", out var general))
            body.Add(UserText.Notice(general, "Attention", weight: "Bolder"));
        return new AdaptiveCard(body)
        {
            Lang = language.TwoLetterISOLanguageName,
            Msteams = new TeamsCardProperties(),
            Actions = [new ExecuteAction(CardText.Get("Approval.Form.Submit", language), new SubmitProposal(incident.Id, pointId, requestId)) { Style = "positive" }],
        };
    }

    /// <summary>Once submitted, the form is replaced for everyone by this, so nobody submits it twice.</summary>
    public static AdaptiveCard Submitted(string incidentId, string requestId, CultureInfo language) =>
        new([new TextBlock(CardText.Format("Approval.Form.Submitted", language, incidentId, requestId)) { Color = "Good", Weight = "Bolder" }])
        {
            Lang = language.TwoLetterISOLanguageName,
        };
}
