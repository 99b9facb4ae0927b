using System.Globalization;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Incidents;

/// <summary>Checks a declare form (or one-line declare) against the clients and their playbooks; errors by field, in the user's language.</summary>
internal sealed class DeclarationCheck(IClientDirectory clients, PlaybookCatalog playbooks)
{
    public async Task<(Declaration? Declaration, Dictionary<string, string> Errors)> CheckAsync(DeclareIncident form, Activity activity, Person sender, CultureInfo language, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var client = string.IsNullOrWhiteSpace(form.Client) ? null : await clients.FindAsync(form.Client.Trim(), ct);
        if (client is null)
            errors["client"] = string.IsNullOrWhiteSpace(form.Client) ? CardText.Get("Declare.Required", language) : CardText.Format("Declare.UnknownClient", language, Short(form.Client));
        var playbook = playbooks.Get(client?.PlaybookId ?? playbooks.All.Keys.First());
        var type = form.Type is null ? null : playbook.FindType(form.Type.Trim());
        if (type is null)
            errors["type"] = string.IsNullOrWhiteSpace(form.Type) ? CardText.Get("Declare.Required", language) : CardText.Format("Declare.UnknownType", language, Short(form.Type));
        var severity = form.Severity is null ? null : playbook.FindSeverity(form.Severity.Trim());
        if (severity is null)
            errors["severity"] = string.IsNullOrWhiteSpace(form.Severity) ? CardText.Get("Declare.Required", language) : CardText.Format("Declare.UnknownSeverity", language, Short(form.Severity));
        if (string.IsNullOrWhiteSpace(form.Title))
            errors["title"] = CardText.Get("Declare.Required", language);
        var commander = string.IsNullOrWhiteSpace(form.Commander) ? sender : client?.Responders.FirstOrDefault(r => r.AadObjectId == form.Commander.Trim());
        if (commander is null && client is not null)
            errors["commander"] = CardText.Format("Declare.CommanderNotResponder", language, client.Name);
        if (errors.Count > 0)
            return (null, errors);
        return (new Declaration(form.DeclarationId, client!, type!, severity!, form.Title!, form.Description ?? "", sender, commander!, new Uri(activity.ServiceUrl!), activity.Recipient,
            activity.Conversation?.Id, language), errors);
    }

    private static string Short(string text) => UserText.Clip(text, 40).Text;
}
