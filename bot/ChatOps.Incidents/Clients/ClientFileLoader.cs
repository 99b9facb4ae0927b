using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.DataFiles;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Incidents.Clients;

/// <summary>Loads the clients file; any problem stops start with file, line and field, like the playbooks.</summary>
public static class ClientFileLoader
{
    public static IReadOnlyList<Client> Load(string path, IReadOnlyCollection<string> playbookIds) =>
        Parse(File.ReadAllText(path), Path.GetFileName(path), playbookIds);

    public static IReadOnlyList<Client> Parse(string yaml, string file, IReadOnlyCollection<string> playbookIds)
    {
        var reader = new YamlReader(file);
        var root = YamlReader.Root(yaml, file, "with 'clients'");
        var clients = reader.List(root, "clients", "").Select(c => Client(reader, c.Node, c.Path, playbookIds)).ToList();
        foreach (var duplicate in clients.GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0 && g.Count() > 1))
            reader.Problem(root, "clients", $"id '{duplicate.Key}' is used more than once");
        if (reader.Problems.Count > 0)
            throw new DataFileException(reader.Problems);
        return clients;
    }

    private static Client Client(YamlReader reader, YamlMappingNode node, string path, IReadOnlyCollection<string> playbookIds)
    {
        var playbook = reader.Text(node, "playbook", path);
        if (playbook.Length > 0 && !playbookIds.Contains(playbook))
            reader.Problem(YamlReader.At(node, "playbook"), $"{path}.playbook", $"'{playbook}' is not a loaded playbook ({string.Join(", ", playbookIds)})");
        var timeZone = reader.Text(node, "timeZone", path);
        if (timeZone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            reader.Problem(YamlReader.At(node, "timeZone"), $"{path}.timeZone", $"'{timeZone}' is not a known time zone (use an IANA id such as Asia/Shanghai)");
        var locale = reader.Text(node, "locale", path);
        if (locale.Length > 0 && locale is not ("zh-CN" or "en"))
            reader.Problem(YamlReader.At(node, "locale"), $"{path}.locale", "must be zh-CN or en");
        var approvers = People(reader, node, "approvers", path);
        if (approvers.Count == 0)
            reader.Problem(node, $"{path}.approvers", "a client needs at least one approver");
        return new Client(reader.Text(node, "id", path), reader.Text(node, "name", path), reader.Text(node, "tenantId", path),
            reader.Text(node, "teamId", path), locale, timeZone, playbook, reader.Text(node, "slaPolicy", path, required: false) is { Length: > 0 } sla ? sla : null,
            approvers, People(reader, node, "responders", path))
        {
            IncidentChannelId = reader.Text(node, "incidentChannel", path, required: false) is { Length: > 0 } channel ? channel : null,
            Approval = Approval(reader, node, path, Math.Max(1, approvers.Count)),
            EscalationPolicyId = reader.Mapping(node, "oncall", path) is { } oncall ? reader.Text(oncall, "policy", $"{path}.oncall") : null,
            PageOnDeclare = reader.Mapping(node, "oncall", path) is { } pages ? [.. reader.Texts(pages, "pageOnDeclare", $"{path}.oncall").Select(t => t.Value)] : [],
        };
    }

    /// <summary><c>approvals: { quorum: 2, expiresAfterHours: 24 }</c>: k of the N approvers, and how long a request stays open.</summary>
    private static ApprovalPolicy Approval(YamlReader reader, YamlMappingNode node, string path, int approvers)
    {
        if (reader.Mapping(node, "approvals", path) is not { } terms)
            return ApprovalPolicy.Default;
        var quorum = reader.Number(terms, "quorum", $"{path}.approvals", 1, approvers, ApprovalPolicy.Default.Quorum);
        var hours = reader.Number(terms, "expiresAfterHours", $"{path}.approvals", 1, 24 * 30, (int)ApprovalPolicy.Default.Validity.TotalHours);
        return new ApprovalPolicy(quorum, TimeSpan.FromHours(hours));
    }

    private static List<Person> People(YamlReader reader, YamlMappingNode node, string key, string path) =>
        [.. reader.List(node, key, path, required: false).Select(p => new Person(reader.Text(p.Node, "aadObjectId", p.Path), reader.Text(p.Node, "name", p.Path))
        {
            TeamsId = reader.Text(p.Node, "teamsId", p.Path, required: false) is { Length: > 0 } teamsId ? teamsId : null,
        })];
}
