using ChatOps.Bot.Tests.Hosting;
using static ChatOps.Bot.Tests.Approvals.ApprovalHost;

namespace ChatOps.Bot.Tests.Approvals;

/// <summary>Forged or mistaken decisions: a polite answer to the clicker alone, the attempt on the record, nothing approved.</summary>
public sealed class ApprovalRefusalTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly ApprovalHost _approvals = new(host);

    public static TheoryData<string> Strangers => ["responder", "approver in another tenant", "unknown user"];

    [Theory]
    [MemberData(nameof(Strangers))]
    public async Task Only_the_clients_approvers_can_decide_and_every_other_attempt_is_recorded(string who)
    {
        var (id, _) = await _approvals.OpenAsync("Forged click " + who);
        await _approvals.SubmitAsync(id, "CP-09");
        var hash = (await _approvals.Store.GetAsync(id, default))!.Incident.FindApproval("APR-01")!.ProposalHash;
        var actor = who switch
        {
            "responder" => Alex,
            "approver in another tenant" => Megan.InTenant(TeamsActivities.TenantId),
            _ => new Actor("11111111-2222-3333-4444-555555555555", "Mallory", ContosoTenant),
        };

        var answer = await _approvals.DecideAsync(actor, id, "APR-01", hash, "Approve");

        Assert.Contains("Only the client's designated approvers can decide on APR-01", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("approval.decide", answer, StringComparison.Ordinal);
        var incident = (await _approvals.Store.GetAsync(id, default))!.Incident;
        Assert.Empty(incident.Authorised);
        Assert.Contains(await _approvals.Store.ReadTimelineAsync(id, default), e => e.Type == "approval.refused" && (string)e.Actor == actor.AadObjectId);
    }

    [Fact]
    public async Task A_decision_on_an_unknown_incident_or_request_is_answered_and_nothing_is_recorded()
    {
        var (id, _) = await _approvals.OpenAsync("Nothing to decide");
        var before = (await _approvals.Store.GetAsync(id, default))!.Incident.Version;

        var unknownIncident = await _approvals.DecideAsync(Megan, "INC-2026-9999", "APR-01", "x", "Approve");
        var unknownRequest = await _approvals.DecideAsync(Megan, id, "APR-07", "x", "Approve");

        Assert.Contains("INC-2026-9999", unknownIncident, StringComparison.Ordinal);
        Assert.Contains("There is no authorisation request APR-07", unknownRequest, StringComparison.Ordinal);
        Assert.Equal(before, (await _approvals.Store.GetAsync(id, default))!.Incident.Version);
    }

    [Fact]
    public async Task The_commander_breaks_glass_loudly_and_others_cannot()
    {
        var (id, thread) = await _approvals.OpenAsync("Spreading fast");
        var byMegan = _approvals.InThread(thread, "breakglass CP-09 Ransomware is spreading to the file servers", Megan);
        await host.PostAsync(byMegan);
        var byAlex = _approvals.InThread(thread, "breakglass CP-09 Ransomware is spreading to the file servers", Alex);

        await host.PostAsync(byAlex);

        var refusal = await host.Connector.WaitForAsync(r => r.Body.Contains((string)byMegan["id"]!, StringComparison.Ordinal));
        Assert.Contains("Only the incident commander", Readable(refusal.Body), StringComparison.Ordinal);
        var card = await host.Connector.WaitForAsync(r => r.Body.Contains((string)byAlex["id"]!, StringComparison.Ordinal));
        Assert.True(Readable(card.Body).Contains("紧急越权", StringComparison.Ordinal), Readable(card.Body));
        Assert.Contains("<at>Adele Vance</at>", Readable(card.Body), StringComparison.Ordinal);
        var incident = (await _approvals.Store.GetAsync(id, default))!.Incident;
        Assert.Equal("Ransomware is spreading to the file servers", Assert.Single(incident.Overrides).Justification);
        Assert.Contains(await _approvals.Store.ReadTimelineAsync(id, default), e => e.Type == "gate.overridden");
    }
}
