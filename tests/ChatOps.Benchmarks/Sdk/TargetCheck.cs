using System.Net;
using System.Text.Json;
using ChatOps.Benchmarks.Load;

namespace ChatOps.Benchmarks.Sdk;

/// <summary>
/// What one target answered before any load: the click (200 with an invoke response carrying an Adaptive Card) and
/// each forged token (401). <see cref="Problems"/> is empty when both hold: auth is really on, the work really done.
/// </summary>
internal sealed record TargetCheck(string Target, int Status, int BodyBytes, int CardElements, IReadOnlyList<(string Forgery, int Status)> Forged, IReadOnlyList<string> Problems)
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";

    public static async Task<TargetCheck> RunAsync(string target, Uri endpoint, SignedActivities clicks, IReadOnlyList<(string Forgery, string Token)> forgeries)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var problems = new List<string>();
        using var response = await client.SendAsync(clicks.NextRequest(endpoint));
        var body = await response.Content.ReadAsByteArrayAsync();
        var elements = CardElementsIn(body);
        if (response.StatusCode != HttpStatusCode.OK)
            problems.Add($"{target} answered the click {(int)response.StatusCode}: {Text(body)}");
        else if (elements == 0)
            problems.Add($"{target} answered the click without an Adaptive Card (invoke response {{statusCode: 200, type: {CardType}, value: card}}): {Text(body)}");

        var forged = new List<(string, int)>();
        foreach (var (forgery, token) in forgeries)
        {
            using var refused = await client.SendAsync(clicks.NextRequest(endpoint, token));
            forged.Add((forgery, (int)refused.StatusCode));
            if (refused.StatusCode != HttpStatusCode.Unauthorized)
                problems.Add($"{target} answered a forged token ({forgery}) {(int)refused.StatusCode}, not 401: {await refused.Content.ReadAsStringAsync()}");
        }
        return new TargetCheck(target, (int)response.StatusCode, body.Length, elements, forged, problems);
    }

    /// <summary>The number of body elements of the card in an invoke response; 0 when it is not one.</summary>
    private static int CardElementsIn(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object &&
                   root.TryGetProperty("statusCode", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() == 200 &&
                   root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == CardType &&
                   root.TryGetProperty("value", out var card) && card.ValueKind == JsonValueKind.Object &&
                   card.TryGetProperty("type", out var cardType) && cardType.ValueKind == JsonValueKind.String && cardType.GetString() == "AdaptiveCard" &&
                   card.TryGetProperty("body", out var elements) && elements.ValueKind == JsonValueKind.Array
                ? elements.GetArrayLength()
                : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static string Text(byte[] body) => System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 500)));
}
