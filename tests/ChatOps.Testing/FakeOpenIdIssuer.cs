using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Testing;

/// <summary>
/// Stands in for login.botframework.com: serves OpenID metadata and a JWKS whose keys carry
/// endorsements, and signs tokens the way the Bot Framework channel service does.
/// </summary>
public sealed class FakeOpenIdIssuer : LoopbackServer
{
    public const string ChannelIssuer = "https://api.botframework.com";
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> _published = [];
    private int _metadataFetches;

    private FakeOpenIdIssuer() => Rotate();

    public static async Task<FakeOpenIdIssuer> StartAsync()
    {
        var issuer = new FakeOpenIdIssuer();
        await issuer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) =>
            {
                Interlocked.Increment(ref issuer._metadataFetches);
                return Results.Json(new { issuer = ChannelIssuer, jwks_uri = new Uri(issuer.BaseUrl, "v1/keys").AbsoluteUri, id_token_signing_alg_values_supported = new[] { "RS256" } });
            });
            app.MapGet("/v1/keys", () => Results.Content(issuer.Jwks(), "application/json"));
        });
        return issuer;
    }

    public Uri MetadataUrl => new(BaseUrl, "v1/.well-known/openidconfiguration");

    public int MetadataFetches => Volatile.Read(ref _metadataFetches);

    /// <summary>The key tokens are signed with now; the JWKS also keeps the older ones.</summary>
    public RsaSecurityKey CurrentKey { get; private set; } = null!;

    /// <summary>Publishes a new signing key (as the channel does ahead of rotation) and signs with it from now on.</summary>
    public RsaSecurityKey Rotate() => CurrentKey = Publish("msteams", "emulator");

    /// <summary>Publishes a key with these endorsements in the JWKS without signing with it by default.</summary>
    public RsaSecurityKey Publish(params string[] endorsements)
    {
        var key = UnpublishedKey();
        lock (_published)
            _published.Add((key, endorsements));
        return key;
    }

    /// <summary>A fresh key that is not published: tokens signed with it name an unknown kid.</summary>
    public static RsaSecurityKey UnpublishedKey() =>
        new(RSA.Create(2048)) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };

    public string CreateToken(TokenSpec spec)
    {
        var claims = new Dictionary<string, object> { ["serviceurl"] = spec.ServiceUrl };
        if (spec.AppIdClaim is not null)
            claims["appid"] = spec.AppIdClaim;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer ?? ChannelIssuer,
            Audience = spec.Audience,
            Claims = claims,
            IssuedAt = spec.Now.UtcDateTime.AddMinutes(-1),
            NotBefore = (spec.NotBefore ?? spec.Now.AddMinutes(-1)).UtcDateTime,
            Expires = (spec.Expires ?? spec.Now.AddMinutes(30)).UtcDateTime,
            SigningCredentials = new SigningCredentials(spec.Key ?? CurrentKey, spec.Algorithm ?? SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public string CreateUnsignedToken(TokenSpec spec)
    {
        var header = Base64Url(JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid = CurrentKey.KeyId }));
        return $"{header}.{Payload(spec)}.";
    }

    /// <summary>The classic key-confusion forgery: HS256 with the RSA public key as the HMAC secret.</summary>
    public string CreateHmacWithPublicKeyToken(TokenSpec spec)
    {
        var header = Base64Url(JsonSerializer.Serialize(new { alg = "HS256", typ = "JWT", kid = CurrentKey.KeyId }));
        var input = $"{header}.{Payload(spec)}";
        var publicKey = CurrentKey.Rsa.ExportSubjectPublicKeyInfo();
        var signature = Base64UrlEncoder.Encode(HMACSHA256.HashData(publicKey, Encoding.ASCII.GetBytes(input)));
        return $"{input}.{signature}";
    }

    private static string Payload(TokenSpec spec) => Base64Url(JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["iss"] = spec.Issuer ?? ChannelIssuer,
        ["aud"] = spec.Audience,
        ["serviceurl"] = spec.ServiceUrl,
        ["nbf"] = spec.Now.AddMinutes(-1).ToUnixTimeSeconds(),
        ["exp"] = spec.Now.AddMinutes(30).ToUnixTimeSeconds(),
    }));

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private string Jwks()
    {
        lock (_published)
        {
            var keys = _published.Select(p =>
            {
                var parameters = p.Key.Rsa.ExportParameters(false);
                return new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = p.Key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    ["endorsements"] = p.Endorsements,
                };
            });
            return JsonSerializer.Serialize(new { keys });
        }
    }
}

/// <summary>What goes into a test token; defaults make a valid channel token.</summary>
public sealed record TokenSpec(string Audience, string ServiceUrl, DateTimeOffset Now)
{
    public string? Issuer { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public SecurityKey? Key { get; init; }
    public string? Algorithm { get; init; }
    public string? AppIdClaim { get; init; }
}
