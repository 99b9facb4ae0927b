using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatOps.Benchmarks.Faults;

/// <summary>A process of the fault run (Azurite, PostgreSQL's tools, the bot): its output kept in a log file, stopped or killed on demand.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ChildProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="file"/>; stdout and stderr go, line by line, to the end of <paramref name="logPath"/>.</summary>
    public static ChildProcess Start(string file, IEnumerable<string> arguments, string logPath, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        if (workingDirectory is not null)
            info.WorkingDirectory = workingDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        var child = new ChildProcess(process, log);
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a command to its end (bounded); its output goes to the log; throws when it fails.</summary>
    public static async Task RunAsync(string file, IEnumerable<string> arguments, string logPath, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var child = Start(file, arguments, logPath, environment);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await child._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill();
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s (log: {logPath}).");
        }
        if (child._process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {child._process.ExitCode} (log: {logPath}).");
    }

    /// <summary>SIGTERM, then up to <paramref name="grace"/> for it to exit (or for <paramref name="done"/> to say it has finished its work), then SIGKILL.</summary>
    public async Task StopAsync(TimeSpan grace, Func<bool>? done = null)
    {
        if (_process.HasExited)
            return;
        Signal("TERM");
        var until = Stopwatch.GetTimestamp() + (long)(grace.TotalSeconds * Stopwatch.Frequency);
        while (!_process.HasExited && Stopwatch.GetTimestamp() < until && done?.Invoke() != true)
            await Task.Delay(50);
        Kill();
    }

    /// <summary>SIGKILL: no chance to finish anything.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>The resident set of the process now, with its parts (Linux /proc/PID/status); null once it has exited.</summary>
    public ResidentSet? Resident()
    {
        try
        {
            return ResidentSet.Parse(File.ReadLines($"/proc/{_process.Id}/status"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        lock (_log)
            _log.Dispose();
    }

    /// <summary>A TCP port on 127.0.0.1 free right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits (bounded) until something listens on the port.</summary>
    public static async Task WaitForPortAsync(int port, TimeSpan timeout, string what)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (Stopwatch.GetTimestamp() < until)
            {
                await Task.Delay(100);
            }
            catch (SocketException e)
            {
                throw new TimeoutException($"{what} did not listen on port {port} within {timeout.TotalSeconds:0} s.", e);
            }
        }
    }

    private void Signal(string signal)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            kill?.WaitForExit(5_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            _process.Kill();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            if (_log.BaseStream.CanWrite)
                _log.WriteLine(line);
        }
    }
}
