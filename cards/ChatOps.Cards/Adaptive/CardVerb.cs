using System.Text.Json.Serialization;

namespace ChatOps.Cards.Adaptive;

/// <summary>
/// A typed action payload. Each verb is a record; its name travels as <c>verb</c> in the data,
/// so an <c>Action.Submit</c> fallback routes to the same handler as the <c>Action.Execute</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "verb", IgnoreUnrecognizedTypeDiscriminators = false)]
[JsonDerivedType(typeof(ShowHelp), ShowHelp.Name)]
public abstract record CardVerb
{
    /// <summary>The verb's wire name: the discriminator written into the action's data.</summary>
    public abstract string VerbName();
}

/// <summary>Shows the help card again, in the given language.</summary>
public sealed record ShowHelp(string Language) : CardVerb
{
    public const string Name = "help.show";

    public override string VerbName() => Name;
}
