using System.Text.Json;
using ChatOps.Bot.Conversations;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Teams;
using ChatOps.Cards.Checklists;
using ChatOps.Cards.Incidents;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Incidents;

/// <summary>
/// Declares an incident and opens its channel. Every step can be retried: the declaration id binds one
/// incident id, the incident is stored before Teams is touched, and a retry resumes where the last try stopped.
/// </summary>
internal sealed class IncidentOpener(IIncidentStore store, PlaybookCatalog playbooks, SlaCatalog sla, ChatOps.Bot.Pages.PolicyPager pages, ILogger<IncidentOpener> log, IChannelProvisioner channels, ChannelLimitWatch limits, IConnectorClient connector, TimeProvider time)
{
    public async Task<Incident> OpenAsync(Declaration d, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var playbook = playbooks.Get(d.Client.PlaybookId);
        var id = await store.IdForDeclarationAsync(d.DeclarationId, now.Year, ct);
        var stored = await store.GetAsync(id, ct);
        if (stored is null)
        {
            var (incident, events) = Incident.Declare(id, d.Client.Id, playbook, d.Type, d.Severity, d.Title, d.Description, d.Commander, d.DeclaredBy, now, sla.Policy(d.Client.SlaPolicyId));
            try
            {
                stored = await store.CreateAsync(incident, events, ct);
            }
            catch (ConcurrencyException)
            {
                // A double click stored it first: carry on with theirs.
                stored = await store.GetAsync(id, ct);
                if (stored is null)
                    throw;
            }
        }
        var opened = stored.Incident.Channel is null ? await OpenChannelAsync(stored, d, ct) : stored.Incident;
        await PageOnDeclareAsync(opened, d, ct);
        return opened;
    }

    /// <summary>The client's on-call is paged when an incident of a listed severity is declared (once, however often this is retried).</summary>
    private async Task PageOnDeclareAsync(Incident incident, Declaration d, CancellationToken ct)
    {
        if (!d.Client.PageOnDeclare.Contains(incident.SeverityId, StringComparer.OrdinalIgnoreCase) || incident.Pages.Any(p => p.Reason == ChatOps.Incidents.Pages.PageReason.Declared))
            return;
        try
        {
            await pages.StartAsync(incident.Id, ChatOps.Incidents.Pages.PageReason.Declared, $"{incident.SeverityId} · {incident.Title}", ct, by: d.DeclaredBy);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not page the on-call for {IncidentId}", incident.Id);
        }
    }

    private async Task<Incident> OpenChannelAsync(StoredIncident stored, Declaration d, CancellationToken ct)
    {
        var incident = stored.Incident;
        var playbook = playbooks.Get(incident.PlaybookId);
        var language = Languages.FromLocale(d.Client.Locale);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(d.Client.TimeZone);
        var channelId = await channels.EnsureChannelAsync(d.Client, incident.Id, incident.Title, ct);
        var thread = await connector.CreateConversationAsync(d.ServiceUrl, new ConversationParameters
        {
            IsGroup = true,
            Bot = d.Bot,
            TenantId = d.Client.TenantId,
            ChannelData = JsonSerializer.SerializeToElement(new { channel = new { id = channelId }, tenant = new { id = d.Client.TenantId } }),
            Activity = CardMessages.Of(IncidentCard.Build(incident, playbook, d.Client, language, zone, clocks: sla.Read(incident, time.GetUtcNow())), language.Name),
        }, ct);
        if (thread.Id is null || thread.ActivityId is null)
            throw new ConnectorException(System.Net.HttpStatusCode.BadGateway, "Creating the incident thread returned no conversation or activity id.");
        var checklist = await connector.SendAsync(d.ServiceUrl, thread.Id,
            CardMessages.Of(ChecklistCard.Build(incident, playbook, incident.Phase, language), language.Name), ct);

        // Messages in the thread (and, for a dedicated channel, anywhere in it) belong to the incident.
        await store.BindConversationAsync(thread.Id, incident.Id, ct);
        if (d.Client.IncidentChannelId is null)
            await store.BindConversationAsync(channelId, incident.Id, ct);
        var events = incident.RecordChannel(new IncidentChannel(d.ServiceUrl.AbsoluteUri, d.Client.TeamId, channelId, thread.Id, thread.ActivityId), d.DeclaredBy, time.GetUtcNow());
        incident.RecordChecklistCard(incident.Phase, checklist.Id ?? "");
        try
        {
            var saved = (await store.SaveAsync(stored, events, ct)).Incident;
            limits.Watch(d.Client, d.ServiceUrl, d.DeclaredIn, d.Language);
            return saved;
        }
        catch (ConcurrencyException)
        {
            // A parallel retry recorded its channel first; theirs is the incident's.
            return (await store.GetAsync(incident.Id, ct))!.Incident;
        }
    }
}

/// <summary>What a declaration says, checked against the client's playbook; where it was made, and in which language, for later notices.</summary>
internal sealed record Declaration(
    string DeclarationId, Client Client, ChatOps.Incidents.Playbooks.IncidentType Type, ChatOps.Incidents.Playbooks.Severity Severity,
    string Title, string Description, Person DeclaredBy, Person Commander, Uri ServiceUrl, ChannelAccount? Bot,
    string? DeclaredIn, System.Globalization.CultureInfo Language);
