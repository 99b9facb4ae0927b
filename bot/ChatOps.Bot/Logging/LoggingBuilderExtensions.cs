using Microsoft.Extensions.Logging.Console;

namespace ChatOps.Bot.Logging;

internal static class LoggingBuilderExtensions
{
    /// <summary>The console log, one escaped line per entry (<see cref="OneLineConsoleFormatter"/>), whatever the settings name.</summary>
    public static ILoggingBuilder AddOneLineConsole(this ILoggingBuilder logging)
    {
        logging.AddConsoleFormatter<OneLineConsoleFormatter, ConsoleFormatterOptions>();
        logging.AddConsole(o => o.FormatterName = OneLineConsoleFormatter.FormatterName);
        return logging;
    }
}
