using System.Globalization;
using System.Text.Json;
using ChatOps.Cards.Resources;

namespace ChatOps.Cards.Adaptive;

/// <summary>
/// What a person typed, put back into the inputs of a form that comes back (a refused save, a stored summary). Teams refuses
/// a card over 28 KB, and typed text may be any length (pasted, or a forged click's): values fill their inputs while they fit
/// a budget of JSON bytes; one that does not fit comes back empty, with a note beside its input.
/// </summary>
public sealed class FormEcho(CultureInfo language, IReadOnlyDictionary<string, string>? errors = null, int budgetBytes = FormEcho.DefaultBudgetBytes)
{
    public const int DefaultBudgetBytes = 20 * 1024;
    private readonly Dictionary<string, string> _errors = new(errors ?? new Dictionary<string, string>());
    private int _left = budgetBytes;

    /// <summary>The form's errors by input id, with a note for each value that did not fit.</summary>
    public IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>The value of input <paramref name="id"/> if it still fits; else null, and a note under the input.</summary>
    public string? Keep(string id, string? value)
    {
        var kept = Keep(value, out var dropped);
        if (dropped)
            _errors.TryAdd(id, CardText.Get("Form.NotShown", language));
        return kept;
    }

    /// <summary>The value if it still fits (null stays null), else null with <paramref name="dropped"/> set.</summary>
    public string? Keep(string? value, out bool dropped)
    {
        dropped = false;
        if (value is null)
            return null;
        var size = JsonSerializer.SerializeToUtf8Bytes(value, CardJson.Options).Length;
        if (size > _left)
        {
            dropped = true;
            return null;
        }
        _left -= size;
        return value;
    }
}
