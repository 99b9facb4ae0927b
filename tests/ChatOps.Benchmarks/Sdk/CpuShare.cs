using System.Diagnostics;

namespace ChatOps.Benchmarks.Sdk;

/// <summary>
/// CPU used by the peer's Node process and by this process (the load generator and our bots) while a target's measured
/// windows are open, as a share of one core: shows when the single-threaded peer has a core to itself and is saturated.
/// </summary>
internal sealed class CpuShare(Func<TimeSpan> peerCpu)
{
    private TimeSpan _peer;
    private TimeSpan _self;
    private long _wall;
    private TimeSpan _peerAt;
    private TimeSpan _selfAt;
    private long _wallAt;

    /// <summary>As a share of one core: the Node process, and this process.</summary>
    public (double Peer, double Self) Read()
    {
        var seconds = (double)_wall / Stopwatch.Frequency;
        return seconds == 0 ? (double.NaN, double.NaN) : (_peer.TotalSeconds / seconds, _self.TotalSeconds / seconds);
    }

    public void Opened()
    {
        _peerAt = peerCpu();
        _selfAt = SelfCpu();
        _wallAt = Stopwatch.GetTimestamp();
    }

    public void Closed()
    {
        _wall += Stopwatch.GetTimestamp() - _wallAt;
        _peer += peerCpu() - _peerAt;
        _self += SelfCpu() - _selfAt;
    }

    private static TimeSpan SelfCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
