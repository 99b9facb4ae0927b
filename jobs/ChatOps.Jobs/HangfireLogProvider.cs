using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace ChatOps.Jobs;

/// <summary>
/// Hangfire's logs through the host's logging. Hangfire keeps one log provider per process, set by the last host
/// that configured it: where hosts come and go (the tests), a disposed host's factory gives a silent logger, not an exception.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Log;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Log = new();

        bool ILog.Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception) => false;
    }
}
