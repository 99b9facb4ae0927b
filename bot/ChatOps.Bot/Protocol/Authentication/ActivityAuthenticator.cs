using System.Security.Claims;
using ChatOps.Bot.Protocol.Activities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Bot.Protocol.Authentication;

/// <summary>Validates the bearer token of an inbound activity the way the Bot Framework channel service requires.</summary>
internal sealed class ActivityAuthenticator
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly BotAuthenticationOptions _options;
    private readonly string _appId;
    private readonly OpenIdKeySource _channelKeys;
    private readonly OpenIdKeySource? _emulatorKeys;
    private readonly TimeProvider _time;

    public ActivityAuthenticator(IOptions<BotAuthenticationOptions> options, IOptions<BotIdentityOptions> identity, IHttpClientFactory http, TimeProvider time)
    {
        _options = options.Value;
        _appId = identity.Value.AppId;
        _time = time;
        _channelKeys = KeySource(http, _options.OpenIdMetadataUrl);
        if (_options.Emulator.Enabled)
            _emulatorKeys = KeySource(http, _options.Emulator.OpenIdMetadataUrl);
    }

    public bool Enabled => _options.Enabled;

    public async Task<AuthResult> AuthenticateAsync(string? authorization, Activity activity, CancellationToken ct)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthResult.Fail("no bearer token");
        var raw = authorization["Bearer ".Length..].Trim();
        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return AuthResult.Fail("malformed token");
        }
        var fromChannel = _options.ValidIssuers.Contains(token.Issuer, StringComparer.Ordinal);
        var fromEmulator = !fromChannel && _emulatorKeys is not null && _options.Emulator.ValidIssuers.Contains(token.Issuer, StringComparer.Ordinal);
        if (!fromChannel && !fromEmulator)
            return AuthResult.Fail($"untrusted issuer '{token.Issuer}'");
        if (string.IsNullOrEmpty(token.Kid))
            return AuthResult.Fail("token names no signing key");
        var key = await (fromChannel ? _channelKeys : _emulatorKeys!).FindAsync(token.Kid, ct);
        if (key is null)
            return AuthResult.Fail($"unknown signing key '{token.Kid}'");

        var result = await _handler.ValidateTokenAsync(raw, Parameters(fromChannel, key));
        if (!result.IsValid)
            return AuthResult.Fail(result.Exception?.GetType().Name ?? "invalid token");
        return fromChannel ? CheckChannelClaims(result.ClaimsIdentity, key, activity) : CheckEmulatorClaims(result.ClaimsIdentity);
    }

    private TokenValidationParameters Parameters(bool fromChannel, SigningKey key) => new()
    {
        ValidIssuers = fromChannel ? _options.ValidIssuers : _options.Emulator.ValidIssuers,
        ValidateAudience = fromChannel,
        ValidAudience = _appId,
        ValidAlgorithms = Algorithms,
        IssuerSigningKey = key.Key,
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = _options.ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires),
    };

    /// <summary>The token's lifetime against our TimeProvider, with the configured skew either side.</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now < exp + _options.ClockSkew && (notBefore is not { } nbf || now >= nbf - _options.ClockSkew);
    }

    private static AuthResult CheckChannelClaims(ClaimsIdentity identity, SigningKey key, Activity activity)
    {
        if (!key.IsEndorsedFor(activity.ChannelId))
            return AuthResult.Fail($"signing key is not endorsed for channel '{activity.ChannelId}'");
        var serviceUrl = identity.FindFirst("serviceurl")?.Value;
        if (serviceUrl is null || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return AuthResult.Fail("serviceurl claim does not match the activity");
        return AuthResult.Success(identity);
    }

    private AuthResult CheckEmulatorClaims(ClaimsIdentity identity)
    {
        // Entra v1 tokens name the caller in appid, v2 tokens in azp.
        var appId = identity.FindFirst("appid")?.Value ?? identity.FindFirst("azp")?.Value;
        return string.Equals(appId, _appId, StringComparison.Ordinal)
            ? AuthResult.Success(identity)
            : AuthResult.Fail("emulator token is for another app");
    }

    private OpenIdKeySource KeySource(IHttpClientFactory http, string url) =>
        new(http.CreateClient(nameof(OpenIdKeySource)), new Uri(url), _options.KeyCacheLifetime, _options.UnknownKeyRefreshInterval, _time);
}

internal sealed record AuthResult(bool IsAuthenticated, string? Failure, ClaimsIdentity? Identity)
{
    public static AuthResult Success(ClaimsIdentity identity) => new(true, null, identity);

    public static AuthResult Fail(string reason) => new(false, reason, null);
}
