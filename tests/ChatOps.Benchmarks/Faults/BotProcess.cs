using System.Diagnostics;
using System.Net;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// The bot as it runs in production: its own process (<c>dotnet ChatOps.Bot.dll</c> from this build's output), configured
/// through environment variables (with the process settings production has, <see cref="ProductionProcessEnvironment"/>), on a fixed port so that a restart comes back where Teams sends. Killed with SIGKILL.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _logPath;
    private readonly int _port = ChildProcess.FreePort();
    private ChildProcess? _process;

    /// <param name="processSettings">The C library's and the runtime's settings; by default the deployment's (<see cref="ProductionProcessEnvironment"/>).</param>
    public BotProcess(IReadOnlyDictionary<string, string> settings, string logPath, IReadOnlyDictionary<string, string>? processSettings = null)
    {
        _logPath = logPath;
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value, StringComparer.Ordinal);
        foreach (var (key, value) in processSettings ?? ProductionProcessEnvironment.Read())
            environment[key] = value;
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}";
        environment["DOTNET_NOLOGO"] = "1";
        // The run's log is read against the load's clock (attempts.csv): each line carries its UTC time.
        environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        environment["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true";
        _environment = environment;
    }

    /// <summary>What the process is started with besides the inherited environment.</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    public Uri BaseUrl => new($"http://127.0.0.1:{_port}/");

    public Uri Endpoint => new(BaseUrl, "/api/messages");

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

    /// <summary>The bot's resident set now (null while it is down).</summary>
    public ResidentSet? Resident() => _process?.Resident();

    /// <summary>Starts the process and waits until /readyz says its tables, blobs and jobs storage answer.</summary>
    public async Task StartAsync()
    {
        var folder = AppContext.BaseDirectory;
        _process = ChildProcess.Start("dotnet", [Path.Combine(folder, "ChatOps.Bot.dll"), "--contentRoot", folder], _logPath, _environment, folder);
        Starts++;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The bot exited at start; see {_logPath}.");
            try
            {
                using var ready = await client.GetAsync(new Uri(BaseUrl, "/readyz"));
                if (ready.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            if (Stopwatch.GetElapsedTime(started) > ReadyTimeout)
                throw new TimeoutException($"The bot was not ready within {ReadyTimeout.TotalSeconds:0} s; see {_logPath}.");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: turns in flight die where they are.</summary>
    public void Kill()
    {
        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();
}
