using ChatOps.Bot.Conversations;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Cards.Approvals;
using ChatOps.Cards.Checklists;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Bot.Approvals;

/// <summary>
/// What every approval handler needs: the incident with its playbook and client, a store that retries lost races,
/// and the request card posted to (and kept current in) the incident channel for everyone.
/// </summary>
internal sealed class ApprovalDesk(
    IIncidentStore store, IncidentWriter writer, IClientDirectory clients, PlaybookCatalog playbooks, IConnectorClient connector, CardUpdates updates, ILogger<ApprovalDesk> log)
{
    public async Task<ApprovalScene?> LoadAsync(string incidentId, CancellationToken ct)
    {
        var stored = await store.GetAsync(incidentId, ct);
        if (stored is null || await clients.FindAsync(stored.Incident.ClientId, ct) is not { } client)
            return null;
        return new ApprovalScene(stored, playbooks.Get(stored.Incident.PlaybookId), client);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the freshest state and stores it with its events, reapplying when another
    /// change won the race (the playbook and client, which a race does not change, are loaded once).
    /// The change returns its events (empty: nothing to store) or throws a rule.
    /// </summary>
    public async Task<ApprovalScene?> ChangeAsync(string incidentId, Func<ApprovalScene, IReadOnlyList<TimelineEvent>> change, CancellationToken ct)
    {
        if (await LoadAsync(incidentId, ct) is not { } scene)
            return null;
        var saved = await writer.AppendAsync(incidentId, (StoredIncident fresh) => change(scene with { Stored = fresh }), ct);
        return saved is null ? null : scene with { Stored = saved };
    }

    /// <summary>Posts a new request's card in the incident channel, mentioning the approvers, and remembers where it is.</summary>
    public async Task PostAsync(ApprovalScene scene, string requestId, DateTimeOffset now, CancellationToken ct)
    {
        if (scene.Incident.Channel is not { } channel || scene.Incident.FindApproval(requestId) is not { } request)
            return;
        var serviceUrl = new Uri(channel.ServiceUrl);
        try
        {
            var audience = await AudienceAsync(scene.Client, serviceUrl, channel.ConversationId, ct);
            var card = ApprovalCard.Build(scene.Incident, scene.Playbook, request, scene.Client, now, scene.Language, audience: audience);
            var posted = await connector.SendAsync(serviceUrl, channel.ConversationId, CardMessages.Of(card), ct);
            scene.Incident.RecordApprovalCard(request.Id, posted.Id ?? "", audience);
            await store.SaveAsync(scene.Stored, [], ct);
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or ConcurrencyException)
        {
            // The request is stored; `approvals` posts the cards that never reached the channel.
            log.LogWarning(e, "Could not post the card of {RequestId} on {IncidentId}", requestId, scene.Incident.Id);
        }
    }

    /// <summary>Posts the cards of open requests whose card never reached the channel (a failed post); returns how many.</summary>
    public async Task<int> RepostMissingAsync(ApprovalScene scene, DateTimeOffset now, CancellationToken ct)
    {
        var missing = scene.Incident.Approvals.Where(a => a.IsOpen && string.IsNullOrEmpty(a.CardActivityId)).Select(a => a.Id).ToList();
        foreach (var id in missing)
            await PostAsync(await LoadAsync(scene.Incident.Id, ct) ?? scene, id, now, ct);
        return missing.Count;
    }

    /// <summary>Brings everyone's copy of the request card, and of the checklist it gates, up to date.</summary>
    public void ShowEveryone(ApprovalScene scene, ApprovalRequest request, DateTimeOffset now)
    {
        if (scene.Incident.Channel is not { } channel)
            return;
        var serviceUrl = new Uri(channel.ServiceUrl);
        if (request.CardActivityId is { Length: > 0 } cardId)
        {
            var card = ApprovalCard.Build(scene.Incident, scene.Playbook, request, scene.Client, now, scene.Language, audience: request.Audience);
            updates.Enqueue(serviceUrl, channel.ConversationId, cardId, CardMessages.Of(card));
        }
        ShowChecklist(scene, request.PointId);
    }

    public void ShowChecklist(ApprovalScene scene, string? pointId)
    {
        if (scene.Incident.Channel is not { } channel || pointId is null || scene.Playbook.FindControlPoint(pointId) is not { } point ||
            !channel.ChecklistCards.TryGetValue(point.PhaseId, out var checklistId))
        {
            return;
        }
        var checklist = ChecklistCard.Build(scene.Incident, scene.Playbook, point.PhaseId, scene.Language);
        updates.Enqueue(new Uri(channel.ServiceUrl), channel.ConversationId, checklistId, CardMessages.Of(checklist));
    }

    /// <summary>The approvers' Teams ids: configured, or found in the channel's roster by their Entra object id.</summary>
    private async Task<IReadOnlyList<string>> AudienceAsync(Client client, Uri serviceUrl, string conversationId, CancellationToken ct)
    {
        if (client.Approvers.All(a => a.TeamsId is not null))
            return [.. client.Approvers.Select(a => a.TeamsId!)];
        var members = await connector.GetMembersAsync(serviceUrl, conversationId, ct);
        return [.. client.Approvers.Select(a => a.TeamsId ?? members.FirstOrDefault(m => m.AadObjectId == a.AadObjectId)?.Id).OfType<string>()];
    }
}

/// <summary>An incident as an approval handler sees it: stored state, playbook, client, and the client's language.</summary>
internal sealed record ApprovalScene(StoredIncident Stored, Playbook Playbook, Client Client)
{
    public Incident Incident => Stored.Incident;

    public System.Globalization.CultureInfo Language => Languages.FromLocale(Client.Locale);

    /// <summary>Responders, the commander and the declarer run the incident; the client's approvers decide.</summary>
    public bool IsResponder(Person person) => ResponseTeam.Includes(Incident, Client, person);
}
