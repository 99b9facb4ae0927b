namespace ChatOps.Incidents.DataFiles;

/// <summary>A data file (playbook, clients) that cannot be used; each problem names the file, the line and the field.</summary>
public sealed class DataFileException(IReadOnlyList<DataFileProblem> problems)
    : Exception("Data file is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<DataFileProblem> Problems { get; } = problems;
}

public sealed record DataFileProblem(string File, long Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
