using System.Text.Json;

namespace ChatOps.Bot.Protocol.Authentication;

/// <summary>
/// Signing keys from an OpenID metadata document, cached for a day and fetched again when a token
/// names a key we do not know (throttled, so forged key ids cannot hammer the metadata endpoint).
/// </summary>
internal sealed class OpenIdKeySource(HttpClient http, Uri metadataUrl, TimeSpan lifetime, TimeSpan unknownKeyInterval, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningKeys? _keys;

    public async ValueTask<SigningKey?> FindAsync(string kid, CancellationToken ct)
    {
        var keys = _keys;
        if (keys is null || time.GetUtcNow() - keys.FetchedAt >= lifetime)
            keys = await RefreshAsync(keys, ct);
        if (keys.ById.TryGetValue(kid, out var key))
            return key;
        if (time.GetUtcNow() - keys.FetchedAt < unknownKeyInterval)
            return null;
        keys = await RefreshAsync(keys, ct);
        return keys.ById.GetValueOrDefault(kid);
    }

    private async Task<SigningKeys> RefreshAsync(SigningKeys? seen, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            // Another caller refreshed while we waited: use theirs.
            if (_keys is not null && !ReferenceEquals(_keys, seen))
                return _keys;
            var metadata = await http.GetStringAsync(metadataUrl, ct);
            using var doc = JsonDocument.Parse(metadata);
            var jwksUri = doc.RootElement.GetProperty("jwks_uri").GetString()
                ?? throw new InvalidOperationException($"OpenID metadata at {metadataUrl} has no jwks_uri.");
            var jwks = await http.GetStringAsync(new Uri(metadataUrl, jwksUri), ct);
            return _keys = SigningKeys.Parse(jwks, time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }
}
