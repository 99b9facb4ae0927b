using System.Text.Json.Serialization;

namespace ChatOps.Cards.Adaptive;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }
    public string? Style { get; init; }
    public string? Tooltip { get; init; }
}

/// <summary>A universal action: arrives as an <c>adaptiveCard/action</c> invoke carrying the verb and data.</summary>
public sealed record ExecuteAction(string Title, CardVerb Data) : CardAction(Title)
{
    public string Verb => Data.VerbName();

    /// <summary>What clients without universal actions show instead (typed as the base so the type is written).</summary>
    public CardAction? Fallback { get; init; }
}

public sealed record SubmitAction(string Title, CardVerb Data) : CardAction(Title);

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);

/// <summary>Opens a small card under the button, e.g. to ask for a reason before acting.</summary>
public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);
