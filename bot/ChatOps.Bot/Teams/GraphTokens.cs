using System.Net.Http.Headers;
using ChatOps.Bot.Protocol.Authentication;
using ChatOps.Bot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Teams;

/// <summary>The bot's token for Microsoft Graph: the same app and credential as the connector's, another scope.</summary>
internal sealed class GraphTokens(IOptions<ConnectorOptions> connector, IOptions<GraphOptions> graph, IOptions<BotIdentityOptions> identity, IHttpClientFactory http, TimeProvider time)
{
    private readonly ConnectorTokens _tokens = new(Options.Create(new ConnectorOptions
    {
        Credential = connector.Value.Credential,
        ClientSecret = connector.Value.ClientSecret,
        ManagedIdentityClientId = connector.Value.ManagedIdentityClientId,
        Authority = connector.Value.Authority,
        Scope = graph.Value.Scope,
    }), identity, http, time);

    public ValueTask<string?> GetAsync(CancellationToken ct) => _tokens.GetAsync(ct);

    /// <summary>Puts the token on a Graph request; none where there is no credential (Development).</summary>
    public async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (await GetAsync(ct) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
