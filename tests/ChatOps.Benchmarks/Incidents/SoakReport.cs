using System.Globalization;
using System.Text;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>The soak's part of the incidents section: load, memory samples, first/last/max, slope after warm-up, verdict.</summary>
internal sealed class SoakReport(SoakResult soak, IncidentsOptions options, double seedSeconds)
{
    public void AppendTo(StringBuilder md)
    {
        var l = soak.Loop;
        md.AppendLine(CultureInfo.InvariantCulture, $"**Memory soak**: {options.Incidents} incidents × {options.Events} timeline events seeded through `IIncidentStore` and `Incident.AddNote` ({seedSeconds:0} s), " +
            $"then {options.SoakMinutes} min of clicks (CP-01/CP-03) and `@ChatOps note …` messages in their threads, alternately, on random incidents at {l.Connections} connections; the process sampled every 10 s.");
        if (options.SoakMinutes < 10)
            md.AppendLine(CultureInfo.InvariantCulture, $"This run soaked {options.SoakMinutes} min; the full soak is `-- incidents --parts soak --soak-minutes 10` (the default).");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Load during the soak: {l.PerSecond:0.0} turns/s, p50 {l.P50Ms:0.0} ms, p99 {l.P99Ms:0.0} ms, max {l.MaxMs:0} ms, stale {l.Stale}, failures {l.FailureText}.").AppendLine();
        md.AppendLine("| series (MB) | first | last | max | slope after warm-up, MB/min |").AppendLine("|---|---:|---:|---:|---:|");
        Row(md, "GC heap size at the last GC", s => s.HeapAfterLastGc);
        Row(md, "GC total memory (live + not yet collected)", s => s.TotalMemory);
        Row(md, "working set", s => s.WorkingSet);
        md.AppendLine();
        var wsSlope = soak.Slope(s => s.WorkingSet);
        // Server GC's heap-at-last-GC swings with its gen-0 budget; what stays live after a full GC is the leak signal.
        var flat = Mb(soak.RetainedAfter - soak.RetainedBefore) < Statistics.FlatMbPer10Minutes && wsSlope * 10 < Statistics.FlatMbPer10Minutes;
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Live bytes after a full compacting GC: {Mb(soak.RetainedBefore):0.0} MB before the soak, {Mb(soak.RetainedAfter):0.0} MB after. Gen-2 collections during the soak: {soak.Samples[^1].Gen2 - soak.Samples[0].Gen2}.");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Verdict: **{(flat ? "flat" : "growing")}** (flat = live bytes after a full GC grew less than {Statistics.FlatMbPer10Minutes:0} MB, and after the first {soak.WarmUp.TotalSeconds:0} s of warm-up the working-set slope would add less than that over 10 minutes).").AppendLine();
        md.AppendLine("<details><summary>Samples</summary>").AppendLine();
        md.AppendLine("| t (s) | heap at last GC MB | total memory MB | working set MB | gen-2 GCs |").AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var s in soak.Samples)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.At.TotalSeconds:0} | {Mb(s.HeapAfterLastGc):0.0} | {Mb(s.TotalMemory):0.0} | {Mb(s.WorkingSet):0.0} | {s.Gen2} |");
        md.AppendLine().AppendLine("</details>").AppendLine();
    }

    private void Row(StringBuilder md, string name, Func<MemorySample, long> value) =>
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {Mb(value(soak.Samples[0])):0.0} | {Mb(value(soak.Samples[^1])):0.0} | {Mb(soak.Samples.Max(value)):0.0} | {soak.Slope(value):+0.00;-0.00} |");

    private static double Mb(long bytes) => bytes / 1048576.0;
}
