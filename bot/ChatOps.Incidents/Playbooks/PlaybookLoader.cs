using ChatOps.Incidents.DataFiles;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Incidents.Playbooks;

/// <summary>Loads and validates a playbook file; any problem stops with file, line and field.</summary>
public static class PlaybookLoader
{
    private static readonly string[] Authorisations = ["none", "approval", "written"];

    public static Playbook Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static Playbook Parse(string yaml, string file)
    {
        var reader = new YamlReader(file);
        var root = YamlReader.Root(yaml, file, "(a playbook)");

        var severities = reader.List(root, "severities", "").Select(s => new Severity(reader.Text(s.Node, "id", s.Path), reader.Localized(s.Node, "name", s.Path))).ToList();
        var taxonomy = reader.List(root, "taxonomy", "").Select(c => Category(reader, c.Node, c.Path)).ToList();
        var phases = reader.List(root, "phases", "").Select(p => Phase(reader, p.Node, p.Path)).ToList();
        var playbook = new Playbook(reader.Text(root, "id", ""), reader.Number(root, "version", ""), reader.Localized(root, "name", ""), severities, taxonomy, phases);

        Check(reader, root, playbook);
        if (reader.Problems.Count > 0)
            throw new DataFileException(reader.Problems);
        return playbook;
    }

    private static IncidentCategory Category(YamlReader reader, YamlMappingNode node, string path)
    {
        var id = reader.Text(node, "id", path);
        var types = reader.List(node, "types", path).Select(t => new IncidentType(reader.Text(t.Node, "id", t.Path), id, reader.Localized(t.Node, "name", t.Path))).ToList();
        return new IncidentCategory(id, reader.Localized(node, "name", path), types);
    }

    private static Phase Phase(YamlReader reader, YamlMappingNode node, string path)
    {
        var id = reader.Text(node, "id", path);
        var deliverables = reader.List(node, "deliverables", path, required: false)
            .Select(d => new Deliverable(reader.Text(d.Node, "id", d.Path), reader.Localized(d.Node, "name", d.Path))).ToList();
        var points = reader.List(node, "controlPoints", path).Select(c => ControlPoint(reader, c.Node, c.Path, id, deliverables)).ToList();
        if (points.Count == 0)
            reader.Problem(node, $"{path}.controlPoints", "a phase needs at least one control point");
        return new Phase(id, reader.Localized(node, "name", path), reader.Localized(node, "objective", path), deliverables, points);
    }

    private static ControlPoint ControlPoint(YamlReader reader, YamlMappingNode node, string path, string phaseId, List<Deliverable> phaseDeliverables)
    {
        var authorisation = reader.Text(node, "authorisation", path, required: false);
        if (authorisation.Length > 0 && !Authorisations.Contains(authorisation))
            reader.Problem(YamlReader.At(node, "authorisation"), $"{path}.authorisation", $"must be one of {string.Join(", ", Authorisations)}, not '{authorisation}'");
        var deliverables = new List<Deliverable>();
        foreach (var (id, idNode) in reader.Texts(node, "deliverables", path))
        {
            if (phaseDeliverables.FirstOrDefault(d => d.Id == id) is { } d)
                deliverables.Add(d);
            else
                reader.Problem(idNode, $"{path}.deliverables", $"'{id}' is not a deliverable of phase '{phaseId}'");
        }
        return new ControlPoint(
            reader.Text(node, "id", path), phaseId, reader.Text(node, "ref", path), reader.Localized(node, "name", path),
            authorisation switch { "approval" => Authorisation.Approval, "written" => Authorisation.Written, _ => Authorisation.None },
            reader.Flag(node, "mandatory", path, otherwise: true), reader.Flag(node, "evidence", path, otherwise: false), deliverables);
    }

    private static void Check(YamlReader reader, YamlMappingNode root, Playbook playbook)
    {
        var phaseIds = playbook.Phases.Select(p => p.Id).ToList();
        if (!phaseIds.SequenceEqual(Playbooks.Playbook.PhaseIds))
            reader.Problem(root, "phases", $"must be the six phases {string.Join(", ", Playbooks.Playbook.PhaseIds)} in that order, found {string.Join(", ", phaseIds)}");
        Unique(reader, root, "severities", playbook.Severities.Select(s => s.Id));
        Unique(reader, root, "taxonomy", playbook.Taxonomy.Select(c => c.Id));
        Unique(reader, root, "taxonomy.types", playbook.Types.Select(t => t.Id));
        Unique(reader, root, "phases.controlPoints", playbook.ControlPoints.Select(c => c.Id));
        if (playbook.Severities.Count == 0)
            reader.Problem(root, "severities", "at least one severity is needed");
        if (!playbook.Types.Any())
            reader.Problem(root, "taxonomy", "at least one incident type is needed");
    }

    private static void Unique(YamlReader reader, YamlMappingNode root, string field, IEnumerable<string> ids)
    {
        foreach (var duplicate in ids.Where(i => i.Length > 0).GroupBy(i => i, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            reader.Problem(root, field, $"id '{duplicate.Key}' is used more than once");
    }
}
