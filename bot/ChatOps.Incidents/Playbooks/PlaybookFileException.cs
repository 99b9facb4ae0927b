namespace ChatOps.Incidents.Playbooks;

/// <summary>A playbook file that cannot be used; each problem names the file, the line and the field.</summary>
public sealed class PlaybookFileException(IReadOnlyList<PlaybookProblem> problems)
    : Exception("Playbook file is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<PlaybookProblem> Problems { get; } = problems;
}

public sealed record PlaybookProblem(string File, long Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
