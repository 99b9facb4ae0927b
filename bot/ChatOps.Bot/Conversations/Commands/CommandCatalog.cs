namespace ChatOps.Bot.Conversations.Commands;

/// <summary>The commands the bot knows, by name and alias (case-insensitive).</summary>
internal sealed class CommandCatalog
{
    private readonly Dictionary<string, Type> _byWord = new(StringComparer.OrdinalIgnoreCase);

    public CommandCatalog(IEnumerable<CommandRegistration> registrations)
    {
        foreach (var r in registrations)
        {
            Names.Add(r.Name);
            foreach (var word in r.Aliases.Prepend(r.Name))
                _byWord.Add(word, r.Type);
        }
    }

    public List<string> Names { get; } = [];

    public Type? Find(string word) => _byWord.GetValueOrDefault(word);
}

internal sealed record CommandRegistration(string Name, IReadOnlyList<string> Aliases, Type Type);
