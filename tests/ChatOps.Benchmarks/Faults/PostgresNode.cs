using System.Globalization;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// A PostgreSQL cluster of the fault run's own (initdb into its folder, a free port, trust on loopback), so restarting it
/// under the bot's Hangfire touches no other test's database. As root the server runs as the user postgres, as it must.
/// </summary>
internal sealed class PostgresNode : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);
    private readonly string _bin;
    private readonly string _data;
    private readonly string _log;
    private readonly int _port = ChildProcess.FreePort();
    private bool _running;

    private PostgresNode(string bin, string folder)
    {
        _bin = bin;
        _data = DataFolder(folder);
        _log = Path.Combine(folder, "postgres.log");
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Database=postgres;Username=postgres;Timeout=5;Command Timeout=30";

    /// <summary>The folder of initdb and pg_ctl (the newest installed version), or null.</summary>
    public static string? BinFolder()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
            return null;
        return Directory.GetDirectories(root)
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")));
    }

    /// <summary>What is missing to run it, or null.</summary>
    public static string? Missing() => BinFolder() is null ? "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb; infra/test installs it in CI)" : null;

    /// <summary>The cluster's data folder (initdb's) for a node started in <paramref name="folder"/>.</summary>
    public static string DataFolder(string folder) => Path.Combine(folder, "data");

    public static async Task<PostgresNode> StartAsync(string folder)
    {
        var node = new PostgresNode(BinFolder() ?? throw new InvalidOperationException(Missing()), folder);
        Directory.CreateDirectory(folder);
        if (IsRoot)
        {
            // The server refuses to run as root; its folder belongs to postgres, and the run's folder above it must let it in.
            await ChildProcess.RunAsync("chmod", ["755", Path.GetDirectoryName(folder)!], node._log, CommandTimeout);
            await ChildProcess.RunAsync("chown", ["postgres:postgres", folder], node._log, CommandTimeout);
        }
        await node.RunAsync("initdb", ["-D", node._data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
        await node.StartAsync();
        return node;
    }

    public async Task StartAsync()
    {
        var options = $"-p {_port} -k {Path.GetDirectoryName(_data)} -c listen_addresses=127.0.0.1 -c max_connections=200";
        await RunAsync("pg_ctl", ["-D", _data, "-l", Path.Combine(Path.GetDirectoryName(_data)!, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
        _running = true;
    }

    /// <summary>A fast shutdown: open sessions are cut, as in a failover or a restart for maintenance.</summary>
    public async Task StopAsync()
    {
        if (!_running)
            return;
        await RunAsync("pg_ctl", ["-D", _data, "-m", "fast", "-w", "-t", "60", "stop"]);
        _running = false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Left to the folder's removal; the run's result does not depend on it.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunAsync(string tool, IReadOnlyList<string> arguments) =>
        IsRoot
            ? ChildProcess.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments], _log, CommandTimeout)
            : ChildProcess.RunAsync(Path.Combine(_bin, tool), arguments, _log, CommandTimeout);
}
