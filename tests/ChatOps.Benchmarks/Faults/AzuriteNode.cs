using ChatOps.Benchmarks.Load;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// An Azurite of the fault run's own, on free ports. When it is to be stopped and started again it keeps its data on disk
/// (SIGTERM: it writes its database and closes), so that nothing is lost, as with Azure Storage coming back after an outage.
/// Otherwise it keeps them in memory: on disk it rewrites its whole database every 5 s, which at tens of megabytes stalls
/// every request for seconds, a limit of the emulator that Azure Storage does not share.
/// </summary>
internal sealed class AzuriteNode : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, the same in every Azurite).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _folder;
    private readonly int _blobPort = ChildProcess.FreePort();
    private readonly int _queuePort = ChildProcess.FreePort();
    private readonly int _tablePort = ChildProcess.FreePort();
    private ChildProcess? _node;

    private readonly bool _onDisk;

    private AzuriteNode(string folder, bool onDisk)
    {
        _folder = folder;
        _onDisk = onDisk;
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_tablePort}/devstoreaccount1;";

    private string LogPath => Path.Combine(_folder, "azurite.log");

    /// <summary>What is missing to run it, or null (infra/test installs Azurite into infra/tools).</summary>
    public static string? Missing() => File.Exists(Executable) ? null : $"Azurite is not installed at {Executable} (infra/test installs it)";

    private static string Executable => Path.Combine(RepositoryRoot.Path, "infra", "tools", "node_modules", ".bin", "azurite");

    /// <summary>Where an Azurite started in <paramref name="folder"/> keeps its data on disk.</summary>
    public static string DataFolder(string folder) => Path.Combine(folder, "data");

    public static async Task<AzuriteNode> StartAsync(string folder, bool onDisk)
    {
        var node = new AzuriteNode(folder, onDisk);
        Directory.CreateDirectory(DataFolder(folder));
        await node.StartAsync();
        return node;
    }

    public async Task StartAsync()
    {
        _node = ChildProcess.Start(Executable,
        [
            "--silent", "--skipApiVersionCheck", .. _onDisk ? ["--location", DataFolder(_folder)] : new[] { "--inMemoryPersistence" },
            "--blobHost", "127.0.0.1", "--blobPort", Port(_blobPort), "--queueHost", "127.0.0.1", "--queuePort", Port(_queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(_tablePort),
        ], LogPath);
        await ChildProcess.WaitForPortAsync(_tablePort, StartTimeout, "Azurite");
        await ChildProcess.WaitForPortAsync(_blobPort, StartTimeout, "Azurite");
    }

    /// <summary>SIGTERM: Azurite writes its database and says its services closed (it may linger after that; then it is killed).</summary>
    public async Task StopAsync()
    {
        if (_node is null)
            return;
        var closedBefore = ClosedCount();
        await _node.StopAsync(TimeSpan.FromSeconds(20), () => ClosedCount() >= closedBefore + 3);
        _node.Dispose();
        _node = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private int ClosedCount()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            return text.Split("successfully closed").Length - 1;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
