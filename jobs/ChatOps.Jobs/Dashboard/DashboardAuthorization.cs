using System.Net;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Jobs.Dashboard;

/// <summary>
/// Who may open the dashboard: in Development anyone on this machine (a loopback request); anywhere, a request
/// carrying Jobs:DashboardApiKey (header X-Api-Key, or Authorization: Bearer). Refused requests get 401.
/// </summary>
internal sealed class DashboardAuthorization(IHostEnvironment environment, IOptions<JobsOptions> options) : IDashboardAuthorizationFilter
{
    public const string KeyHeader = "X-Api-Key";

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (environment.IsDevelopment() && IsLoopback(http.Connection.RemoteIpAddress))
            return true;
        return options.Value.DashboardApiKey is { Length: > 0 } key && SentKey(http.Request) is { Length: > 0 } sent && SameKey(sent, key);
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static string? SentKey(HttpRequest request)
    {
        if (request.Headers[KeyHeader] is [{ } key])
            return key;
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    /// <summary>Compares hashes in constant time: neither the content nor the length of the key leaks through timing.</summary>
    private static bool SameKey(string sent, string key) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
