using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ChatOps.Benchmarks.Reports;

/// <summary>
/// The report compiler's targets: a 10,000-event incident compiles to DOCX in &lt; 1 s, a 100,000-event one in &lt; 10 s, with
/// peak memory under 300 MB. Each size runs in a fresh process (<see cref="ReportRun"/>), so its peak working set is its own.
/// </summary>
internal static class ReportCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var sizes = Option(args, "--sizes", "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var runs = Option(args, "--runs", "5");
        var results = new List<ReportRunResult>();
        foreach (var size in sizes)
        {
            // The bot runs with workstation GC (ChatOps.Bot.csproj); server GC, the Web SDK's default, for comparison.
            foreach (var server in new[] { true, false })
            {
                Console.WriteLine($"{size:N0} events, {(server ? "server" : "workstation")} GC: building the incident, 1 warm-up and {runs} measured compiles in a fresh process …");
                results.Add(await ChildAsync(["report-run", "--events", size.ToString(CultureInfo.InvariantCulture), "--runs", runs], server));
            }
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}"));
        Console.WriteLine();
        Console.WriteLine("| events | GC | compile to DOCX (zh-CN), median ms (min–max) | of which verify + index, ms | DOCX | allocated per DOCX | working set with the inputs built | peak working set, DOCX compiles | all 4 files (2 languages × DOCX + Markdown), median ms | peak working set, 4-file compiles |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Events:N0} | {r.Gc} | **{Median(r.DocxMs):0}** ({r.DocxMs.Min():0}–{r.DocxMs.Max():0}) | {Median(r.VerifyMs):0} | {r.DocxBytes / 1e6:0.0} MB | {r.AllocatedMb:0} MB | {r.AfterBuildMb:0} MB | **{r.DocxPeakMb:0} MB** | {Median(r.AllMs):0} | {r.AllPeakMb:0} MB |"));
            if (!r.PeakReset)
                Console.WriteLine("(the peak could not be reset here: it covers the whole process, building the inputs included)");
        }
        return 0;
    }

    private static async Task<ReportRunResult> ChildAsync(string[] args, bool serverGc)
    {
        // Run through dotnet when this process was (dotnet ChatOps.Benchmarks.dll), else through the app host.
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true };
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(typeof(ReportCommand).Assembly.Location);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"report-run failed ({child.ExitCode}):\n{output}");
        return JsonSerializer.Deserialize<ReportRunResult>(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!;
    }

    internal static string Option(IReadOnlyList<string> args, string name, string otherwise)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : otherwise;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>What one size's process measured: times in milliseconds, memory in MB.</summary>
internal sealed record ReportRunResult(
    int Events, string Gc, double BuildSeconds, double[] DocxMs, double[] VerifyMs, long DocxBytes, double AllocatedMb, double[] AllMs, double AfterBuildMb,
    double DocxPeakMb, double AllPeakMb, bool PeakReset);
