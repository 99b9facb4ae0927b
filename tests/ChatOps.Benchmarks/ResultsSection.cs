namespace ChatOps.Benchmarks;

/// <summary>A section of RESULTS.md between two markers, rewritten by its command; the rest of the file (other sections, notes) is kept.</summary>
internal sealed record ResultsSection(string Begin, string End)
{
    public async Task WriteAsync(string path, string section)
    {
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        var before = begin < 0 ? text.TrimEnd() + Environment.NewLine + Environment.NewLine : text[..begin];
        var after = end < 0 ? Environment.NewLine : text[(end + End.Length)..];
        await File.WriteAllTextAsync(path, before + Begin + Environment.NewLine + Environment.NewLine + section + End + after);
    }
}
