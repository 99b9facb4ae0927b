using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using ChatOps.Bot.Protocol.Authentication;

namespace ChatOps.Bot.Protocol.Connector;

/// <summary>The bot's own token for the connector: MSAL client credentials or a managed identity, cached until shortly before expiry.</summary>
internal sealed class ConnectorTokens
{
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);
    private readonly Func<CancellationToken, Task<(string Token, DateTimeOffset ExpiresOn)>>? _acquire;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresOn)? _cached;

    public ConnectorTokens(IOptions<ConnectorOptions> options, IOptions<BotIdentityOptions> identity, IHttpClientFactory http, TimeProvider time)
    {
        _time = time;
        var o = options.Value;
        _acquire = o.Credential switch
        {
            ConnectorCredential.ClientSecret => ClientSecret(o, identity.Value, http),
            ConnectorCredential.ManagedIdentity => ManagedIdentity(o),
            _ => null,
        };
    }

    public bool SendsTokens => _acquire is not null;

    public async ValueTask<string?> GetAsync(CancellationToken ct)
    {
        if (_acquire is null)
            return null;
        if (_cached is { } fresh && fresh.ExpiresOn - _time.GetUtcNow() > RefreshBeforeExpiry)
            return fresh.Token;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } again && again.ExpiresOn - _time.GetUtcNow() > RefreshBeforeExpiry)
                return again.Token;
            _cached = await _acquire(ct);
            return _cached.Value.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Func<CancellationToken, Task<(string, DateTimeOffset)>> ClientSecret(ConnectorOptions o, BotIdentityOptions identity, IHttpClientFactory http)
    {
        if (string.IsNullOrEmpty(o.ClientSecret))
            throw new OptionsValidationException(ConnectorOptions.Section, typeof(ConnectorOptions),
                [$"{ConnectorOptions.Section}:ClientSecret is empty but {ConnectorOptions.Section}:Credential is ClientSecret."]);
        var tenant = string.IsNullOrEmpty(identity.TenantId) ? "botframework.com" : identity.TenantId;
        var app = ConfidentialClientApplicationBuilder.Create(identity.AppId)
            .WithClientSecret(o.ClientSecret)
            .WithAuthority(new Uri(new Uri(o.Authority), tenant).AbsoluteUri)
            .WithHttpClientFactory(new MsalHttpClients(http))
            .Build();
        return async ct =>
        {
            // Our cache (on the injected clock) decided the token is stale; MSAL's own cache, on the real clock, must not disagree.
            var result = await app.AcquireTokenForClient([o.Scope]).WithForceRefresh(true).ExecuteAsync(ct);
            return (result.AccessToken, result.ExpiresOn);
        };
    }

    private static Func<CancellationToken, Task<(string, DateTimeOffset)>> ManagedIdentity(ConnectorOptions o)
    {
        var credential = string.IsNullOrEmpty(o.ManagedIdentityClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId));
        return async ct =>
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([o.Scope]), ct);
            return (token.Token, token.ExpiresOn);
        };
    }

    /// <summary>MSAL's HTTP goes through IHttpClientFactory like every other outbound call.</summary>
    private sealed class MsalHttpClients(IHttpClientFactory http) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => http.CreateClient(nameof(ConnectorTokens));
    }
}
