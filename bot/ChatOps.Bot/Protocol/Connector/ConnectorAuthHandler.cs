using System.Net.Http.Headers;

namespace ChatOps.Bot.Protocol.Connector;

/// <summary>Adds the bot's token, and only for service URLs we trust: a token never leaves for an unknown host.</summary>
internal sealed class ConnectorAuthHandler(ConnectorTokens tokens, ServiceUrls serviceUrls) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (tokens.SendsTokens)
        {
            if (request.RequestUri is null || !serviceUrls.IsTrusted(request.RequestUri))
                throw new UntrustedServiceUrlException(request.RequestUri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(ct));
        }
        return await base.SendAsync(request, ct);
    }
}

public sealed class UntrustedServiceUrlException(Uri? url)
    : Exception($"Refused to send the bot's token to untrusted service URL '{url?.GetLeftPart(UriPartial.Authority)}'.");
