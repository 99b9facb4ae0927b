using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Teams;

/// <summary>
/// Closes an incident's channel through Graph: reads its name (GET, https://learn.microsoft.com/graph/api/channel-get),
/// renames it with the closed marker (PATCH, 204: https://learn.microsoft.com/graph/api/channel-patch), then archives it
/// (POST …/archive, 202 with the Location of a teamsAsyncOperation: https://learn.microsoft.com/graph/api/channel-archive).
/// Archiving needs the application permission ChannelSettings.ReadWrite.All (no resource-specific consent exists for it).
/// </summary>
internal sealed class GraphChannelArchive(HttpClient http, IOptions<GraphOptions> options, GraphTokens tokens, ILogger<GraphChannelArchive> log)
{
    public async Task ArchiveAsync(Client client, string channelId, string incidentId, string title, CancellationToken ct)
    {
        var channel = $"teams/{Uri.EscapeDataString(client.TeamId)}/channels/{Uri.EscapeDataString(channelId)}";
        var closed = ChannelNames.Closed(incidentId, title, Languages.FromLocale(client.Locale));
        // An archived channel can't be edited: a repeat after a full success must find the name done and not PATCH again.
        if (await DisplayNameAsync(channel, ct) != closed)
        {
            using var renamed = await SendAsync(HttpMethod.Patch, channel, JsonContent.Create(new { displayName = closed }), ct);
            await ConnectorException.ThrowIfFailedAsync(renamed, ct);
        }
        // No body: shouldSetSpoSiteReadOnlyForMembers would make the client's whole team site read-only, not just this channel's folder.
        using var archived = await SendAsync(HttpMethod.Post, channel + "/archive", null, ct);
        if (archived.IsSuccessStatusCode)
        {
            log.LogInformation("Archiving channel {Channel} of team {Team} for {IncidentId}: operation {Operation}", channelId, client.TeamId, incidentId, archived.Headers.Location);
            return;
        }
        if (await IsAlreadyArchivedAsync(archived, ct))
            return;
        await ConnectorException.ThrowIfFailedAsync(archived, ct);
    }

    private async Task<string?> DisplayNameAsync(string channel, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, channel + "?$select=displayName", null, ct);
        await ConnectorException.ThrowIfFailedAsync(response, ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return body.RootElement.TryGetProperty("displayName", out var name) ? name.GetString() : null;
    }

    /// <summary>
    /// The archive page documents no answer for a channel already archived; Graph refuses it as a bad request or conflict
    /// whose error message says so, which is the state we want. (A team that is archived answers 400 too, but says otherwise.)
    /// </summary>
    private static async Task<bool> IsAlreadyArchivedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Conflict))
            return false;
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return body.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var message) &&
                message.GetString() is { } text && text.Contains("already archived", StringComparison.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(new Uri(options.Value.BaseUrl), path)) { Content = content };
        await tokens.AuthorizeAsync(request, ct);
        return await http.SendAsync(request, ct);
    }
}

/// <summary>Development (the Playground) has no Graph: a client whose incidents are threads in a configured channel keeps it as it is.</summary>
internal sealed class ChannelArchive(GraphChannelArchive graph) : IChannelArchive
{
    public Task ArchiveAsync(Client client, string channelId, string incidentId, string title, CancellationToken ct) =>
        client.IncidentChannelId is null ? graph.ArchiveAsync(client, channelId, incidentId, title, ct) : Task.CompletedTask;
}
