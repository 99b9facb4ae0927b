using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatOps.Bot.Tests.Protocol.Endpoint;

/// <summary>Byte damage done to a fuzzed body after it is written: the JSON was fine until it left.</summary>
internal enum FuzzDamage { None, DuplicateKeys, Truncate, InvalidUtf8, ByteOrderMark, TrailingGarbage }

/// <summary>Writes a fuzzed activity as Teams would (UTF-8, not \u escapes), splices in what a JsonNode cannot hold, then damages it.</summary>
internal static partial class FuzzText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text, with what a JsonNode cannot hold spliced in (lone surrogate escapes, deep nesting), then damaged.</summary>
    public static FuzzCase Encode(string made, JsonNode? root, FuzzDamage damage, int at)
    {
        var text = root?.ToJsonString(Relaxed) ?? "null";
        text = LoneSentinel().Replace(text, m => "\\u" + m.Groups[1].Value);
        text = DeepSentinel().Replace(text, m => Nested(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        var bytes = Encoding.UTF8.GetBytes(text);
        var cut = bytes.Length == 0 ? 0 : at % bytes.Length;
        bytes = damage switch
        {
            FuzzDamage.DuplicateKeys when text.StartsWith('{') => Encoding.UTF8.GetBytes("{\"type\":\"invoke\",\"name\":\"adaptiveCard/action\",\"id\":\"dup\"," + text[1..]),
            FuzzDamage.Truncate => bytes[..cut],
            FuzzDamage.InvalidUtf8 => [.. bytes[..cut], 0xC3, 0x28, 0xFF, .. bytes[cut..]],
            FuzzDamage.ByteOrderMark => [0xEF, 0xBB, 0xBF, .. bytes],
            FuzzDamage.TrailingGarbage => [.. bytes, .. "}{\"type\":\"message\"}\0"u8],
            _ => bytes,
        };
        return new FuzzCase(made, bytes);
    }

    /// <summary>A lone surrogate cannot survive JsonNode's writer (it becomes U+FFFD); a sentinel carries it to the text.</summary>
    public static string Sentinels(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                clean.Append(text[i]).Append(text[++i]);
            else if (char.IsSurrogate(text[i]))
                clean.Append($"@@LONE_{(int)text[i]:X4}@@");
            else
                clean.Append(text[i]);
        }
        return clean.ToString();
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":[", depth)) + "1" + string.Concat(Enumerable.Repeat("]}", depth));

    [GeneratedRegex("@@LONE_([0-9A-F]{4})@@")]
    private static partial Regex LoneSentinel();

    [GeneratedRegex("\"@@DEEP_([0-9]+)@@\"")]
    private static partial Regex DeepSentinel();
}
