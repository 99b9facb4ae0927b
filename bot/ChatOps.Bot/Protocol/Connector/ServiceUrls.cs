using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Protocol.Connector;

/// <summary>
/// The service URLs a connector token may be sent to: the configured allow-list, plus every URL that
/// arrived on an activity whose token vouched for it (its serviceurl claim).
/// </summary>
internal sealed class ServiceUrls(IOptions<ConnectorOptions> options)
{
    private readonly ConcurrentDictionary<string, byte> _vouched = new(StringComparer.OrdinalIgnoreCase);

    public void Vouch(Uri serviceUrl) => _vouched.TryAdd(Key(serviceUrl), 0);

    public bool IsTrusted(Uri requestUrl)
    {
        var url = requestUrl.GetLeftPart(UriPartial.Path);
        foreach (var vouched in _vouched.Keys)
        {
            if (url.StartsWith(vouched, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return options.Value.TrustedServiceUrls.Any(pattern => Matches(pattern, requestUrl));
    }

    public static Uri WithTrailingSlash(Uri serviceUrl) =>
        serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");

    private static string Key(Uri serviceUrl) => WithTrailingSlash(serviceUrl).GetLeftPart(UriPartial.Path);

    /// <summary>A pattern is a URL prefix whose host may start with "*." for any subdomain, e.g. https://*.botframework.com/.</summary>
    internal static bool Matches(string pattern, Uri url)
    {
        if (!Uri.TryCreate(pattern.Replace("*.", "wildcard.", StringComparison.Ordinal), UriKind.Absolute, out var p))
            return false;
        if (!string.Equals(p.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase) || p.Port != url.Port)
            return false;
        var hostMatches = pattern.Contains("://*.", StringComparison.Ordinal)
            ? url.Host.EndsWith(p.Host["wildcard".Length..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(p.Host, url.Host, StringComparison.OrdinalIgnoreCase);
        return hostMatches && url.AbsolutePath.StartsWith(p.AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }
}
