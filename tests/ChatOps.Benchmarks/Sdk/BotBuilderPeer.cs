using System.Collections.Concurrent;
using System.Diagnostics;
using ChatOps.Benchmarks.Load;

namespace ChatOps.Benchmarks.Sdk;

/// <summary>
/// The peer bot (BotBuilderPeer/index.js: npm botbuilder 4.23.3) in its own Node process on 127.0.0.1, auth on
/// against the given OpenID metadata. It ends when this is disposed, or when this process dies (its stdin closes).
/// </summary>
internal sealed class BotBuilderPeer : IAsyncDisposable
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _node;
    private readonly ConcurrentQueue<string> _output = new();

    private BotBuilderPeer(Process node) => _node = node;

    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "ChatOps.Benchmarks", "BotBuilderPeer");

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>As the peer reports them: "node/20.20.2 botbuilder/4.23.3".</summary>
    public string Versions { get; private set; } = "";

    /// <summary>CPU the Node process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _node.Refresh();
            return _node.HasExited ? TimeSpan.Zero : _node.TotalProcessorTime;
        }
    }

    /// <summary>The last lines the peer printed (it logs refused tokens and turn errors), for diagnosis.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Null when node and npm are on the PATH; otherwise what is missing, as a sentence.</summary>
    public static string? MissingTools()
    {
        var missing = new[] { "node", "npm" }.Where(tool => !OnPath(tool)).ToList();
        return missing.Count == 0 ? null : $"{string.Join(" and ", missing)} not found on the PATH (the botbuilder peer needs Node 18+ and npm: apt-get install -y nodejs npm)";
    }

    /// <summary><c>npm ci</c> in the peer's folder when node_modules is missing or older than package-lock.json (bounded in time).</summary>
    public static async Task EnsureInstalledAsync(Action<string> log)
    {
        var installed = Path.Combine(Folder, "node_modules", ".package-lock.json");
        if (File.Exists(Path.Combine(Folder, "node_modules", "botbuilder", "package.json")) && File.Exists(installed) &&
            File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json")))
            return;
        if (MissingTools() is { } missing)
            throw new InvalidOperationException($"Cannot install the botbuilder peer: {missing}.");
        log($"Installing the botbuilder peer's packages (npm ci in {Folder}, at most {InstallTimeout.TotalMinutes:0} min)…");
        var info = new ProcessStartInfo("npm") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
            info.ArgumentList.Add(arg);
        using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm did not start.");
        var output = Task.WhenAll(npm.StandardOutput.ReadToEndAsync(), npm.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(InstallTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException($"npm ci in {Folder} did not finish within {InstallTimeout.TotalMinutes:0} minutes (is the npm registry reachable?).");
        }
        var text = string.Concat(await output);
        if (npm.ExitCode != 0)
            throw new InvalidOperationException($"npm ci in {Folder} failed ({npm.ExitCode}):\n{text}");
    }

    public static async Task<BotBuilderPeer> StartAsync(string appId, Uri openIdMetadataUrl)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "index.js", "--port", "0", "--app-id", appId, "--openid-metadata-url", openIdMetadataUrl.AbsoluteUri })
            info.ArgumentList.Add(arg);
        var node = Process.Start(info) ?? throw new InvalidOperationException("node did not start.");
        var peer = new BotBuilderPeer(node);
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        node.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                listening.TrySetException(new InvalidOperationException($"The botbuilder peer exited before listening:\n{peer.Output}"));
            else if (e.Data.StartsWith("listening ", StringComparison.Ordinal))
                listening.TrySetResult(e.Data["listening ".Length..]);
            else
                peer.Keep(e.Data);
        };
        node.ErrorDataReceived += (_, e) => peer.Keep(e.Data);
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        try
        {
            var words = (await listening.Task.WaitAsync(StartTimeout)).Split(' ', 2);
            peer.Endpoint = new Uri(words[0]);
            peer.Versions = words.Length > 1 ? words[1] : "";
            return peer;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            await peer.DisposeAsync();
            throw new InvalidOperationException($"The botbuilder peer did not start within {StartTimeout.TotalSeconds:0} s:\n{peer.Output}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _node.StandardInput.Close();
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _node.WaitForExitAsync(exit.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            if (!_node.HasExited)
                _node.Kill(entireProcessTree: true);
        }
        _node.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 40)
            _output.TryDequeue(out _);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
