using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Logging;

/// <summary>
/// One log entry, one line: "info: Category[event] message". What people and channels send ends up in messages (a title, an
/// activity's type, a JSON path in a parse error), so control, line-separator and bidi characters are written as \uXXXX:
/// no text can start a line of its own, erase one with terminal escapes, or reorder one. An exception follows on indented lines.
/// </summary>
internal sealed class OneLineConsoleFormatter(IOptionsMonitor<ConsoleFormatterOptions> options, TimeProvider time) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "chatops";
    private const string Indent = "      ";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
            return;
        var line = new StringBuilder();
        if (options.CurrentValue.TimestampFormat is { } format)
        {
            var now = time.GetUtcNow();
            line.Append((options.CurrentValue.UseUtcTimestamp ? now : now.ToLocalTime()).ToString(format, CultureInfo.InvariantCulture));
        }
        line.Append(Level(logEntry.LogLevel)).Append(": ");
        Escape(line, logEntry.Category);
        line.Append('[').Append(logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture)).Append("] ");
        Escape(line, message);
        if (options.CurrentValue.IncludeScopes)
            scopeProvider?.ForEachScope((scope, l) => Escape(l.Append(" => "), Convert.ToString(scope, CultureInfo.InvariantCulture) ?? ""), line);
        textWriter.Write(line.Append('\n').ToString());
        if (logEntry.Exception is { } e)
        {
            foreach (var exceptionLine in e.ToString().Split('\n'))
                textWriter.Write(Escape(new StringBuilder(Indent), exceptionLine.TrimEnd('\r')).Append('\n').ToString());
        }
    }

    /// <summary>Appends the text with every character that could break or disguise a line written as \uXXXX.</summary>
    public static StringBuilder Escape(StringBuilder line, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                line.Append(c).Append(text[++i]);
            else if (char.IsControl(c) || char.IsSurrogate(c) || IsLayout(c))
                line.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                line.Append(c);
        }
        return line;
    }

    /// <summary>Line and paragraph separators, bidi embeddings, overrides and isolates, and the byte order mark.</summary>
    private static bool IsLayout(char c) => c is '\u2028' or '\u2029' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F';

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
