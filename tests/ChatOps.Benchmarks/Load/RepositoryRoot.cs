namespace ChatOps.Benchmarks.Load;

/// <summary>The checkout this benchmark was built from: the folder holding ChatOps.sln above the build output.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find(AppContext.BaseDirectory) ?? Find(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("ChatOps.sln not found above the benchmark's build output or the current directory.");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ChatOps.sln")))
                return dir.FullName;
        }
        return null;
    }
}
