using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Incidents.Clients;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Teams;

/// <summary>
/// Creates a standard channel in the client's team: Graph POST /teams/{id}/channels (permission Channel.Create.Group
/// by resource-specific consent, or Channel.Create). A name already taken gets " (2)", " (3)"…
/// </summary>
internal sealed class GraphChannelProvisioner(HttpClient http, IOptions<GraphOptions> options, GraphTokens tokens, ILogger<GraphChannelProvisioner> log) : IChannelProvisioner
{
    private const int MaxAttempts = 5;

    public async Task<string> EnsureChannelAsync(Client client, string incidentId, string title, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var name = ChannelNames.For(incidentId, title, attempt);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.BaseUrl), $"teams/{Uri.EscapeDataString(client.TeamId)}/channels"))
            {
                Content = JsonContent.Create(new { displayName = name, description = $"{incidentId}", membershipType = "standard" }),
            };
            if (await tokens.GetAsync(ct) is { } token)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                log.LogInformation("Channel name {Name} is taken in team {Team}; trying another", name, client.TeamId);
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new ConnectorException(response.StatusCode, $"Graph refused to create channel '{name}' in team {client.TeamId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return body.RootElement.GetProperty("id").GetString()!;
        }
        throw new ConnectorException(HttpStatusCode.Conflict, $"No free channel name for {incidentId} after {MaxAttempts} tries.");
    }
}

/// <summary>Development (the Playground) has no Graph: a client with a configured incident channel gets threads there instead.</summary>
internal sealed class ChannelProvisioner(GraphChannelProvisioner graph) : IChannelProvisioner
{
    public Task<string> EnsureChannelAsync(Client client, string incidentId, string title, CancellationToken ct) =>
        client.IncidentChannelId is { } configured ? Task.FromResult(configured) : graph.EnsureChannelAsync(client, incidentId, title, ct);
}
