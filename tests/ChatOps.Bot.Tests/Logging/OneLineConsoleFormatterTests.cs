using ChatOps.Bot.Logging;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Testing;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Microsoft.FSharp.Core;

namespace ChatOps.Bot.Tests.Logging;

/// <summary>Text from people and channels in a log message cannot forge, erase or disguise a line of the console log.</summary>
public sealed class OneLineConsoleFormatterTests
{
    private static readonly System.Text.UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    private static readonly ConsoleFormatter Formatter = new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddLogging(l => l.AddOneLineConsole())
        .BuildServiceProvider()
        .GetServices<ConsoleFormatter>()
        .Single(f => f.Name == OneLineConsoleFormatter.FormatterName);

    [Fact]
    public void Any_text_in_a_message_stays_on_its_entrys_one_line_with_nothing_that_moves_or_hides_it()
    {
        var property = Prop.ForAll(HostileText.Marked.ToArbitrary(), text =>
        {
            var written = Write($"Unknown command {text} in personal");

            Assert.StartsWith("info: ChatOps.Bot.Conversations.Commands.CommandRouter[0] Unknown command " + HostileText.Marker, written, StringComparison.Ordinal);
            var line = written[..^1];
            Assert.EndsWith("\n", written, StringComparison.Ordinal);
            Assert.DoesNotContain(line, c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E' or '\u200F' or '\uFEFF');
            Strict.GetByteCount(line); // throws on a lone surrogate
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261123, 1), FSharpOption<int>.None))), property);
    }

    [Fact]
    public void A_forged_entry_in_a_message_is_written_escaped_on_the_real_entrys_line()
    {
        var written = Write("Refused an activity with 400: malformed JSON: Path: $['a\r\nfail: ChatOps.Bot[0]\n      \u001B[2Kdeleted\u202Eevil']");

        Assert.Equal(
            "info: ChatOps.Bot.Conversations.Commands.CommandRouter[0] Refused an activity with 400: malformed JSON: Path: $['a\\u000D\\u000Afail: ChatOps.Bot[0]\\u000A      \\u001B[2Kdeleted\\u202Eevil']\n",
            written);
    }

    [Fact]
    public void An_exception_follows_on_indented_lines_so_its_message_cannot_start_an_entry()
    {
        var written = Write("Turn failed", new InvalidOperationException("bad\nfail: Forged[0] all is well\u001B[1A"));

        var lines = written.TrimEnd('\n').Split('\n');
        Assert.Equal("info: ChatOps.Bot.Conversations.Commands.CommandRouter[0] Turn failed", lines[0]);
        Assert.All(lines[1..], l => Assert.StartsWith("      ", l, StringComparison.Ordinal));
        Assert.Contains("      fail: Forged[0] all is well\\u001B[1A", lines);
    }

    [Fact]
    public void Chinese_and_emoji_stay_as_they_are()
    {
        Assert.Equal("info: ChatOps.Bot.Conversations.Commands.CommandRouter[0] 主页被篡改 😀\n", Write("主页被篡改 😀"));
    }

    [Fact]
    public async Task The_bot_writes_its_console_log_with_this_formatter()
    {
        await using var host = new BotHost();
        await host.InitializeAsync();

        Assert.Equal(OneLineConsoleFormatter.FormatterName, host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    private static string Write(string message, Exception? exception = null)
    {
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Information, "ChatOps.Bot.Conversations.Commands.CommandRouter", new EventId(0), message, exception, (s, _) => s);
        Formatter.Write(entry, null, writer);
        return writer.ToString();
    }
}
