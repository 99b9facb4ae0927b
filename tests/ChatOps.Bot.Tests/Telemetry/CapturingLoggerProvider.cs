using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ChatOps.Bot.Tests.Telemetry;

/// <summary>
/// Keeps everything every logger of a host writes, at every level: the formatted line, each structured value, the
/// exception with its inner ones and stack, and the active scopes, as the sinks of a real deployment would see them.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>A structured value as an exporter would write it: a list (header values, say) item by item.</summary>
    private static string? Render(object? value) =>
        value is not string && value is IEnumerable<object?> items ? "[" + string.Join(", ", items.Select(Render)) + "]" : value?.ToString();

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new StringBuilder($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                    entry.Append($" | {key}={Render(value)}");
            }
            provider._scopes.ForEachScope((scope, b) => b.Append($" | scope {scope}"), entry);
            if (exception is not null)
                entry.Append(" | ").Append(exception);
            provider._entries.Enqueue(entry.ToString());
        }
    }
}
