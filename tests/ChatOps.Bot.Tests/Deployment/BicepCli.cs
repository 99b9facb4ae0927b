using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ChatOps.Bot.Tests.Deployment;

/// <summary>The Bicep CLI from NuGet Azure.Bicep.CommandLine.linux-x64, restored with the test project (no separate install).</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public sealed record Result(int ExitCode, string Output, string Errors);

    public static string Executable { get; } = Locate();

    /// <summary>Runs bicep with the arguments in a folder, with extra environment variables (null removes one).</summary>
    public static async Task<Result> RunAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}");
        using var timeout = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', start.ArgumentList)} took longer than {Timeout}");
        }

        return new Result(process.ExitCode, await output, await errors);
    }

    private static string Locate()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
            throw new PlatformNotSupportedException("The deployment tests run the Bicep CLI of NuGet Azure.Bicep.CommandLine.linux-x64: Linux x64 only.");
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepExecutable").Value!;
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} is missing: restore tests/ChatOps.Bot.Tests to fetch NuGet Azure.Bicep.CommandLine.linux-x64.", path);
        // NuGet does not always keep the executable bit of a package's files.
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return path;
    }
}
