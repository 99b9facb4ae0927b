using System.Text.Json.Serialization;

namespace ChatOps.Cards.Adaptive;

/// <summary>An Adaptive Card 1.5, the schema Teams renders.</summary>
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("type"), JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Version { get; init; } = "1.5";
    public IReadOnlyList<CardAction>? Actions { get; init; }
    public CardRefresh? Refresh { get; init; }
    public string? Lang { get; init; }
    public string? Speak { get; init; }
    public TeamsCardProperties? Msteams { get; init; }
}

/// <summary>Makes Teams fetch a per-user view for the listed users (at most 60).</summary>
public sealed record CardRefresh(ExecuteAction Action, IReadOnlyList<string>? UserIds);

public sealed record TeamsCardProperties(string Width = "Full");
