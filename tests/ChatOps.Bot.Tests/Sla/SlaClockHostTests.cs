using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Sla;
using static ChatOps.Bot.Tests.Approvals.ApprovalHost;

namespace ChatOps.Bot.Tests.Sla;

public sealed class SlaClockHostTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly ApprovalHost _incidents = new(host);

    [Fact]
    public async Task A_declared_incident_runs_the_clients_clocks_and_ack_stops_the_acknowledge_clock()
    {
        var (id, thread) = await _incidents.OpenAsync("Clocks running");
        var incident = (await _incidents.Store.GetAsync(id, default))!.Incident;
        var card = host.Connector.Requests.Single(r => r.Path == "/v3/conversations" && r.Body.Contains(id, StringComparison.Ordinal));

        var ack = _incidents.InThread(thread, "ack", Alex);
        await host.PostAsync(ack);

        Assert.Equal("standard", incident.SlaPolicyId);
        Assert.Contains("合同时限（SLA）", Readable(card.Body), StringComparison.Ordinal);
        Assert.Contains("acknowledged by Alex Wilber", Readable((await host.Connector.WaitForAsync(r => r.Body.Contains((string)ack["id"]!, StringComparison.Ordinal))).Body), StringComparison.Ordinal);
        var clock = (await _incidents.Store.GetAsync(id, default))!.Incident.FindClock("acknowledge")!;
        Assert.NotNull(clock.StoppedAt);
        Assert.Equal(SlaState.Met, clock.Read(BusinessCalendar.AlwaysOpen, clock.StoppedAt!.Value).State);
    }
}

public sealed class OpenIncidentListTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task Open_incidents_are_listed_for_the_schedule_to_be_rebuilt_from()
    {
        var incidents = new ApprovalHost(host);
        var (id, _) = await incidents.OpenAsync("Still open");

        var open = new List<string>();
        await foreach (var incident in incidents.Store.ListOpenAsync(default))
            open.Add(incident.Id);

        Assert.Contains(id, open);
    }
}
