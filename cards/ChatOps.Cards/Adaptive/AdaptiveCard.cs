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
/// <remarks>The action is typed as the base so its <c>type</c> discriminator is written.</remarks>
public sealed record CardRefresh(CardAction Action, IReadOnlyList<string>? UserIds);

public sealed record TeamsCardProperties(string Width = "Full")
{
    /// <summary>People @mentioned in the card's text as <c>&lt;at&gt;Name&lt;/at&gt;</c>: Teams notifies them.</summary>
    public IReadOnlyList<CardMention>? Entities { get; init; }
}

/// <summary>A mention of a Teams user (id: their Teams id or Entra object id) whose <see cref="Text"/> appears in the card.</summary>
public sealed record CardMention(string Text, MentionedUser Mentioned)
{
    [JsonPropertyName("type")]
    public string Type => "mention";

    public static CardMention Of(string id, string name) => new($"<at>{name}</at>", new MentionedUser(id, name));

    /// <summary>A person by their Teams id, or their Entra object id where the Teams id is not known (Teams accepts both).</summary>
    public static CardMention For(ChatOps.Incidents.Incidents.Person person) => Of(person.TeamsId ?? person.AadObjectId, person.Name);
}

public sealed record MentionedUser(string Id, string Name);
