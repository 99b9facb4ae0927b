using ChatOps.Incidents.Playbooks;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Incidents;

/// <summary>The loaded playbooks by id. Loading happens once at start; a broken file stops the host with file, line and field.</summary>
internal sealed class PlaybookCatalog(IOptions<IncidentsOptions> options)
{
    private readonly Lazy<IReadOnlyDictionary<string, Playbook>> _playbooks = new(() => options.Value.PlaybookFiles
        .Select(f => PlaybookLoader.Load(Path.IsPathRooted(f) ? f : Path.Combine(AppContext.BaseDirectory, f)))
        .ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase));

    public IReadOnlyDictionary<string, Playbook> All => _playbooks.Value;

    public Playbook Get(string id) => All.TryGetValue(id, out var playbook)
        ? playbook
        : throw new KeyNotFoundException($"No playbook '{id}' is loaded ({string.Join(", ", All.Keys)}).");
}
