using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatOps.Reports;
using ChatOps.Reports.Documents;
using ChatOps.Reports.Docx;

namespace ChatOps.Benchmarks.Reports;

/// <summary>
/// One size in its own process: builds the incident, compiles once to warm up, then measures compile-to-DOCX (verify the
/// chain, build the zh-CN model, write the DOCX) and the whole compile (both languages, DOCX and Markdown). Prints JSON.
/// </summary>
internal static class ReportRun
{
    public static int Run(IReadOnlyList<string> args)
    {
        var events = int.Parse(ReportCommand.Option(args, "--events", "10000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(ReportCommand.Option(args, "--runs", "5"), CultureInfo.InvariantCulture);
        var started = Stopwatch.GetTimestamp();
        var inputs = ReportWorkload.Build(events);
        var buildSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Settle();
        var afterBuild = Memory(peak: false);
        Docx(inputs);

        Settle();
        var reset = TryResetPeak();
        var docx = new List<double>();
        long bytes = 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            bytes = Docx(inputs).Length;
            docx.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var perDocx = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)runs;
        var docxPeak = Memory(peak: true);

        // The share of verifying the hash chain (and indexing the timeline), which every compile does once.
        var gather = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            ReportFacts.Gather(inputs);
            gather.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        Settle();
        TryResetPeak();
        var all = new List<double>();
        for (var i = 0; i < Math.Max(1, runs / 2); i++)
        {
            var start = Stopwatch.GetTimestamp();
            ReportCompiler.Compile(inputs);
            all.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        Console.WriteLine(JsonSerializer.Serialize(new ReportRunResult(
            inputs.Timeline.Count, System.Runtime.GCSettings.IsServerGC ? "server" : "workstation", buildSeconds, [.. docx], [.. gather], bytes,
            perDocx / 1e6, [.. all], afterBuild / 1e6, docxPeak / 1e6, Memory(peak: true) / 1e6, reset)));
        return 0;
    }

    private static void Settle() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

    private static long Memory(bool peak)
    {
        using var self = Process.GetCurrentProcess();
        return peak ? self.PeakWorkingSet64 : self.WorkingSet64;
    }

    /// <summary>Linux: writing "5" to clear_refs resets the peak resident set (VmHWM), so each peak is that phase's alone.</summary>
    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static byte[] Docx(ReportInputs inputs) =>
        DocxRenderer.Render(ReportBuilder.Build(ReportFacts.Gather(inputs), CultureInfo.GetCultureInfo("zh-CN")));
}
