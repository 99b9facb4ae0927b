using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ChatOps.Acceptance.Tests.Playground;

/// <summary>The real Microsoft 365 Agents Playground (npm), run with node as a child process on a random port.</summary>
internal sealed partial class PlaygroundProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly DirectoryInfo _workDir;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PlaygroundProcess(Process process, DirectoryInfo workDir)
    {
        _process = process;
        _workDir = workDir;
    }

    public int Port { get; private set; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>What the Playground printed so far and its log file (where its console.log goes), for failure messages.</summary>
    public string Output
    {
        get
        {
            var logFile = Path.Combine(_workDir.FullName, "devTools", "m365agentsplayground.log");
            var log = File.Exists(logFile) ? File.ReadAllText(logFile) : "";
            return string.Join(Environment.NewLine, _output) + Environment.NewLine + log;
        }
    }

    public static async Task<PlaygroundProcess> StartAsync(string repoRoot, Uri botEndpoint)
    {
        var cli = Path.Combine(repoRoot, "infra", "tools", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
            Assert.Fail($"The Agents Playground is not installed ({cli} is missing). Run infra/test once: it runs `npm ci` in infra/tools.");
        var node = FindOnPath("node");
        if (node is null)
            Assert.Fail("node is not on PATH. Install Node.js 20+ and run infra/test, which installs the npm tools.");

        // It writes ./devTools/m365agentsplayground.log into its working directory: keep that out of the repo.
        var workDir = Directory.CreateTempSubdirectory("chatops-playground-");
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = workDir.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "start", "-e", botEndpoint.AbsoluteUri, "-c", "msteams", "-p", "0", "--dt" })
            start.ArgumentList.Add(arg);
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none"; // else it spawns xdg-open and exits when that is missing
        foreach (var authVariable in new[] { "AUTH_CLIENT_ID", "AUTH_CLIENT_SECRET", "AUTH_TENANT_ID" })
            start.Environment.Remove(authVariable); // these would turn on real Entra auth, which needs the network

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var playground = new PlaygroundProcess(process, workDir);
        process.OutputDataReceived += (_, e) => playground.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => playground.OnLine(e.Data);
        process.Exited += (_, _) => playground._port.TrySetException(new InvalidOperationException($"exited with code {process.ExitCode}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            playground.Port = await playground._port.Task.WaitAsync(StartTimeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var output = playground.Output;
            await playground.DisposeAsync();
            Assert.Fail($"The Agents Playground did not print 'Listening on <port>' within {StartTimeout.TotalSeconds:0} s ({e.Message}). Output:{Environment.NewLine}{output}");
        }
        return playground;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already gone, or never started.
        }
        _process.Dispose();
        try
        {
            _workDir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open; the temp directory is cleaned by the OS.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        if (ListeningOn().Match(line) is { Success: true } match)
            _port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? program + ".exe" : program))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();
}
