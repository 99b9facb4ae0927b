using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Bot.Protocol.Authentication;

/// <summary>One fetch of a JWKS: the keys by id, with the channels each key is endorsed for.</summary>
internal sealed record SigningKeys(IReadOnlyDictionary<string, SigningKey> ById, DateTimeOffset FetchedAt)
{
    public static SigningKeys Parse(string jwksJson, DateTimeOffset fetchedAt)
    {
        var set = new JsonWebKeySet(jwksJson);
        using var raw = JsonDocument.Parse(jwksJson);
        var endorsements = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in raw.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String &&
                key.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array)
            {
                endorsements[kid.GetString()!] = [.. e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)];
            }
        }
        var byId = set.Keys
            .Where(k => !string.IsNullOrEmpty(k.Kid) && k.Kty == JsonWebAlgorithmsKeyTypes.RSA)
            .GroupBy(k => k.Kid, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new SigningKey(g.First(), endorsements.GetValueOrDefault(g.Key)), StringComparer.Ordinal);
        return new SigningKeys(byId, fetchedAt);
    }
}

/// <summary>A signing key and its endorsements; null endorsements means the key names none.</summary>
internal sealed record SigningKey(JsonWebKey Key, IReadOnlyList<string>? Endorsements)
{
    public bool IsEndorsedFor(string? channelId) =>
        Endorsements is not null && channelId is not null && Endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
}
