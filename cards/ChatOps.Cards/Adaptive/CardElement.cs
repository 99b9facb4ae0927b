using System.Text.Json.Serialization;

namespace ChatOps.Cards.Adaptive;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
public abstract record CardElement
{
    public string? Id { get; init; }
    public string? Spacing { get; init; }
    public bool? Separator { get; init; }
    public bool? IsVisible { get; init; }
}

/// <summary>Text; Teams renders a Markdown subset in it.</summary>
public sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;
    public string? Size { get; init; }
    public string? Weight { get; init; }
    public string? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }
    public string? Style { get; init; }
    public string? FontType { get; init; }
}

/// <summary>Text whose runs are shown as written: no Markdown, so user input cannot format, link or hide itself.</summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;

public sealed record TextRun(string Text)
{
    [JsonPropertyName("type")]
    public string Type => "TextRun";

    public string? Weight { get; init; }
    public string? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public bool? Italic { get; init; }
    public string? Size { get; init; }
    public string? FontType { get; init; }
}

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public string? Style { get; init; }
    public bool? Bleed { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyName("type")]
    public string Type => "Column";

    public string? Width { get; init; }
    public string? VerticalContentAlignment { get; init; }
}

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Fact(string Title, string Value);

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

public sealed record TextInput : CardElement
{
    public string? Label { get; init; }
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public string? Regex { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record ChoiceSetInput(IReadOnlyList<Choice> Choices) : CardElement
{
    public string? Label { get; init; }
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public string? Style { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record Choice(string Title, string Value);

/// <summary>A date picker; its value is "yyyy-MM-dd", in no time zone (the card says which one it means).</summary>
public sealed record DateInput : CardElement
{
    public string? Label { get; init; }
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

/// <summary>A time picker; its value is "HH:mm", in no time zone (the card says which one it means).</summary>
public sealed record TimeInput : CardElement
{
    public string? Label { get; init; }
    public string? Value { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}
