using System.Net;
using System.Text.Json;
using ChatOps.Bot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Teams;

/// <summary>
/// Counts the channels of a team: GET /teams/{id}/channels (https://learn.microsoft.com/graph/api/channel-list), which the
/// app's resource-specific ChannelSettings.Read.Group allows (allChannels would need the tenant-wide Channel.ReadBasic.All),
/// page by page through @odata.nextLink (https://learn.microsoft.com/graph/paging). Deleted channels are not listed.
/// </summary>
internal sealed class GraphChannelCount(HttpClient http, IOptions<GraphOptions> options, GraphTokens tokens)
{
    /// <summary>Far more pages than 1,000 channels take: a link that never ends is a fault, not a team.</summary>
    private const int MaxPages = 200;

    public async Task<int> CountAsync(string teamId, CancellationToken ct)
    {
        var graph = new Uri(options.Value.BaseUrl);
        // $select=id: the email property is costly for Graph to fill and not needed here.
        Uri? next = new(graph, $"teams/{Uri.EscapeDataString(teamId)}/channels?$select=id");
        var count = 0;
        for (var page = 1; next is not null; page++)
        {
            // The token goes to Graph only, never to another host a link might name.
            if (page > MaxPages || Uri.Compare(next, graph, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
                throw new ConnectorException(HttpStatusCode.BadGateway, $"Graph's channel list for team {teamId} did not end within {MaxPages} pages on {graph.Authority}.");
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            await tokens.AuthorizeAsync(request, ct);
            using var response = await http.SendAsync(request, ct);
            await ConnectorException.ThrowIfFailedAsync(response, ct);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            count += body.RootElement.GetProperty("value").GetArrayLength();
            next = body.RootElement.TryGetProperty("@odata.nextLink", out var link) && link.GetString() is { } url ? new Uri(url) : null;
        }
        return count;
    }
}
