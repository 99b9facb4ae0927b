using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ChatOps.Bot.Tests.Protocol.Connector;

/// <summary>Answers MSAL's instance discovery and OAuth2 client-credentials token requests the way Entra ID does.</summary>
internal sealed class FakeEntra(params int[] lifetimesInSeconds) : HttpMessageHandler
{
    private const string Discovery = """
        {"tenant_discovery_endpoint":"https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration","api-version":"1.1",
         "metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net",
                      "aliases":["login.microsoftonline.com","login.windows.net","login.microsoft.com","sts.windows.net"]}]}
        """;

    private readonly List<TokenRequest> _tokenRequests = [];

    /// <summary>Tokens are this followed by their number ("token-1", …).</summary>
    public string TokenPrefix { get; init; } = "token-";

    public IReadOnlyList<TokenRequest> TokenRequests
    {
        get { lock (_tokenRequests) return [.. _tokenRequests]; }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (request.Method == HttpMethod.Get && path == "/common/discovery/instance")
            return Json(Discovery);
        if (request.Method != HttpMethod.Post || !path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        var form = QueryHelpers.ParseQuery(request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct));
        int n;
        lock (_tokenRequests)
        {
            _tokenRequests.Add(new TokenRequest(request.RequestUri!, form));
            n = _tokenRequests.Count;
        }
        var lifetime = lifetimesInSeconds.Length == 0 ? 3599 : lifetimesInSeconds[Math.Min(n, lifetimesInSeconds.Length) - 1];
        return Json($$"""{"token_type":"Bearer","expires_in":{{lifetime}},"ext_expires_in":{{lifetime}},"access_token":"{{TokenPrefix}}{{n}}"}""");
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}

internal sealed record TokenRequest(Uri Uri, Dictionary<string, StringValues> Form);
