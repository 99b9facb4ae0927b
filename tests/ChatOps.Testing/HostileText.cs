using FsCheck;
using FsCheck.Fluent;

namespace ChatOps.Testing;

/// <summary>
/// Text a person (or someone forging a click) could type to break what the bot builds from it: Markdown, links,
/// mentions, HTML, template syntax, control and invisible characters, lone surrogates, forged log lines, huge words.
/// </summary>
public static class HostileText
{
    /// <summary>Where a test looks for the text it put in: no character of it means anything to Markdown, HTML or a card.</summary>
    public const string Marker = "ZQXHOSTILE";

    public static readonly IReadOnlyList<string> Pieces =
    [
        "**bold**", "_italic_", "~~strike~~", "`code`", "```\nfence\n```", "[x](javascript:alert(1))", "[click](https://evil.example/)",
        "![pixel](https://evil.example/p.png)", "<https://evil.example/>", "https://evil.example/login", "mailto:a@evil.example",
        "<at>Megan Bowen</at>", "<at>Incident Bot</at>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>b</b>", "&lt;&amp;&#x41;",
        "{{user.name}}", "${$root.secret}", "${if(true, 'a', 'b')}", "# heading", "\n# heading\n", "> quote", "- item", "1. item", "| a | b |",
        "\\", "\"", "'", "\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r\n", "\r", "\u000B", "\u000C", "\u001B[31mred\u001B[0m", "\u001F",
        "\u007F", "\u0085", "\u009B", "\u2028", "\u2029", "\u202E", "\u200B", "\u200F", "\uFEFF", "\uFFFE", "\uFFFF", "\uD800", "\uDC00",
        "\uD83D\uDE00", "中文", "مرحبا", "Z\u0334\u0321a\u0336l\u0337g\u0338o", "%0d%0a", "\nfail: ChatOps.Bot[0]\n      forged line", "INC-2026-9999", " ",
    ];

    /// <summary>One to six pieces run together, sometimes with a word of a few thousand letters and no break.</summary>
    public static Gen<string> Strings { get; } =
        Gen.Frequency<string>(
                (9, Gen.Elements<string>(Pieces)),
                (1, Gen.Choose(200, 5000).Select(n => new string('W', n))))
            .ListOf()
            .Select(parts => string.Concat(parts.Take(6)));

    /// <summary>Hostile text that starts with <see cref="Marker"/>, so a test can find every place it ended up.</summary>
    public static Gen<string> Marked { get; } = Strings.Select(s => Marker + s);

    /// <summary>A fixed sample, the same on every run.</summary>
    public static IReadOnlyList<string> Sample(int count, ulong seed = 20261123) =>
        [.. Marked.Sample(count, new Rnd(seed, 1), 30)];
}
