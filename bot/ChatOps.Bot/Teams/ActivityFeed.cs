using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Teams;

/// <summary>An entry in a person's Teams activity feed.</summary>
internal interface IActivityFeed
{
    Task NotifyAsync(Client client, Person person, string text, CancellationToken ct);
}

/// <summary>
/// Graph <c>POST /users/{id}/teamwork/sendActivityNotification</c> (permission TeamsActivity.Send). Development
/// (a client with a configured channel, i.e. the Playground) has no Graph: nothing is sent there.
/// </summary>
internal sealed class GraphActivityFeed(HttpClient http, IOptions<GraphOptions> options, GraphTokens tokens) : IActivityFeed
{
    /// <summary>Declared in the app manifest's <c>activities.activityTypes</c>: Graph refuses types the app does not declare.</summary>
    public const string ActivityType = "pageReceived";

    public async Task NotifyAsync(Client client, Person person, string text, CancellationToken ct)
    {
        if (client.IncidentChannelId is not null)
            return;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.BaseUrl), $"users/{Uri.EscapeDataString(person.AadObjectId)}/teamwork/sendActivityNotification"))
        {
            Content = JsonContent.Create(new
            {
                topic = new { source = "text", value = text, webUrl = "https://teams.microsoft.com" },
                activityType = ActivityType,
                previewText = new { content = text },
            }),
        };
        if (await tokens.GetAsync(ct) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new ConnectorException(response.StatusCode, $"Graph refused the activity notification: {(int)response.StatusCode}");
    }
}
