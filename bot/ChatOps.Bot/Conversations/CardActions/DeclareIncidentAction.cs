using Azure;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Teams;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Incidents;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;

namespace ChatOps.Bot.Conversations.CardActions;

/// <summary>The declare form's submit: errors go back beside their fields; a valid form opens the incident.</summary>
internal sealed class DeclareIncidentAction(DeclarationCheck check, IncidentOpener opener, IClientDirectory clients, PlaybookCatalog playbooks, ILogger<DeclareIncidentAction> log)
    : ICardAction<DeclareIncident>
{
    public async Task<AdaptiveCard> HandleAsync(Turn turn, DeclareIncident form, CancellationToken ct)
    {
        var language = turn.Language;
        var (declaration, errors) = await check.CheckAsync(form, turn.Activity, turn.Sender, language, ct);
        if (declaration is null)
            return await FormAsync(turn, form, errors, null, ct);
        try
        {
            var incident = await opener.OpenAsync(declaration, ct);
            return new AdaptiveCard([new TextBlock(CardText.Format("Declare.Declared", language, incident.Id)) { Weight = "Bolder", Color = "Good" }])
            {
                Lang = language.TwoLetterISOLanguageName,
                Actions = incident.Channel is { } channel
                    ? [new OpenUrlAction(CardText.Get("Incident.OpenChannel", language), TeamsLinks.Channel(channel, declaration.Client.TenantId, Teams.ChannelNames.For(incident.Id, incident.Title)))]
                    : null,
            };
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
        {
            log.LogWarning(e, "Teams failed while opening declaration {DeclarationId}", form.DeclarationId);
            return await FormAsync(turn, form, errors, CardText.Get("Declare.TeamsFailed", language), ct);
        }
        catch (RequestFailedException e)
        {
            log.LogWarning(e, "Storage failed while opening declaration {DeclarationId}", form.DeclarationId);
            return await FormAsync(turn, form, errors, CardText.Get("Declare.StorageFailed", language), ct);
        }
    }

    private async Task<AdaptiveCard> FormAsync(Turn turn, DeclareIncident form, Dictionary<string, string> errors, string? notice, CancellationToken ct)
    {
        var all = await clients.ListAsync(ct);
        var playbook = playbooks.Get(all.FirstOrDefault()?.PlaybookId ?? playbooks.All.Keys.First());
        var card = DeclareFormCard.Build(turn.Language, all, playbook, form.DeclarationId, form, errors);
        return notice is null ? card : card with { Body = [new TextBlock(notice) { Color = "Attention", Weight = "Bolder" }, .. card.Body] };
    }
}
