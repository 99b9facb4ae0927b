using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.DataFiles;

namespace ChatOps.Incidents.Tests.Clients;

public sealed class ClientFileTests
{
    private const string Valid = """
        clients:
          - id: contoso
            name: Contoso Ltd.
            tenantId: 00000000-0000-0000-0000-0000000000001
            teamId: team-id
            locale: zh-CN
            timeZone: Asia/Shanghai
            playbook: emergency-response
            approvers:
              - { aadObjectId: aad-1, name: Megan Bowen }
            responders:
              - { aadObjectId: aad-0, name: Alex Wilber }
        """;

    private static readonly string[] Playbooks = ["emergency-response", "cloud-response"];

    [Fact]
    public void A_valid_clients_file_loads_with_its_approvers_and_responders()
    {
        var client = Assert.Single(ClientFileLoader.Parse(Valid, "clients.yaml", Playbooks));

        Assert.Equal("contoso", client.Id);
        Assert.True(client.IsApprover("aad-1"));
        Assert.False(client.IsApprover("aad-0"));
        Assert.True(client.IsResponder("aad-0"));
        Assert.Null(client.IncidentChannelId);
        Assert.Equal(ApprovalPolicy.Default, client.Approval);
    }

    [Fact]
    public void Approval_terms_and_teams_ids_are_read_when_given()
    {
        var yaml = Valid.Replace("{ aadObjectId: aad-1, name: Megan Bowen }", "{ aadObjectId: aad-1, name: Megan Bowen, teamsId: 29:megan }", StringComparison.Ordinal)
            .Replace("playbook: emergency-response", "playbook: emergency-response\n    approvals: { quorum: 1, expiresAfterHours: 4 }", StringComparison.Ordinal);

        var client = Assert.Single(ClientFileLoader.Parse(yaml, "clients.yaml", Playbooks));

        Assert.Equal(new ApprovalPolicy(1, TimeSpan.FromHours(4)), client.Approval);
        Assert.Equal("29:megan", client.Approvers[0].TeamsId);
        Assert.True(client.MayDecide("aad-1", "00000000-0000-0000-0000-0000000000001"));
        Assert.False(client.MayDecide("aad-1", "another-tenant"));
    }

    [Theory]
    [InlineData("playbook: emergency-response", "playbook: no-such-playbook", "clients[0].playbook", 8)]
    [InlineData("timeZone: Asia/Shanghai", "timeZone: Mars/Olympus", "clients[0].timeZone", 7)]
    [InlineData("locale: zh-CN", "locale: fr", "clients[0].locale", 6)]
    [InlineData("  - { aadObjectId: aad-1, name: Megan Bowen }", "  - { name: Megan Bowen }", "clients[0].approvers[0].aadObjectId", 10)]
    [InlineData("playbook: emergency-response", "playbook: emergency-response\n    approvals: { quorum: 2 }", "clients[0].approvals.quorum", 9)]
    [InlineData("playbook: emergency-response", "playbook: emergency-response\n    approvals: { expiresAfterHours: 0 }", "clients[0].approvals.expiresAfterHours", 9)]
    public void A_bad_entry_names_the_file_line_and_field(string good, string bad, string field, long line)
    {
        var error = Assert.Throws<DataFileException>(() => ClientFileLoader.Parse(Valid.Replace(good, bad, StringComparison.Ordinal), "clients.yaml", Playbooks));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(field, problem.Field.TrimStart('.'));
        Assert.Equal("clients.yaml", problem.File);
        Assert.Equal(line, problem.Line);
    }

    [Fact]
    public void The_shipped_development_client_maps_the_playground_tenant()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "bot", "ChatOps.Bot", "clients.Development.yaml");

        var client = Assert.Single(ClientFileLoader.Load(path, Playbooks));

        Assert.Equal("00000000-0000-0000-0000-0000000000001", client.TenantId);
        Assert.Equal("team-id", client.TeamId);
        Assert.Equal(2, client.Approvers.Count);
    }
}
