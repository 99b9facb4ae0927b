using System.Globalization;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// A process's resident set and what it is made of, as Linux counts it: anonymous pages (the GC heap, malloc's arenas,
/// stacks), pages of mapped files (the runtime's and the app's assemblies and libraries) and shared memory (the runtime maps
/// its JIT-compiled code through a memfd, so that is mostly code).
/// </summary>
internal sealed record ResidentSet(long Bytes, long Anonymous, long Files, long Shared)
{
    /// <summary>From the lines of /proc/PID/status; null when they have no VmRSS (the process is a zombie).</summary>
    public static ResidentSet? Parse(IEnumerable<string> statusLines)
    {
        var kilobytes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in statusLines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[(colon + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var number, "kB"] &&
                long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                kilobytes[line[..colon]] = value;
            }
        }
        return kilobytes.TryGetValue("VmRSS", out var total)
            ? new ResidentSet(total * 1024, kilobytes.GetValueOrDefault("RssAnon") * 1024, kilobytes.GetValueOrDefault("RssFile") * 1024, kilobytes.GetValueOrDefault("RssShmem") * 1024)
            : null;
    }
}
