using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Checklists;
using ChatOps.Incidents.DataFiles;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Sla;
using Microsoft.Extensions.Time.Testing;
using static ChatOps.Incidents.Tests.Incidents.IncidentFixture;

namespace ChatOps.Incidents.Tests.Sla;

public sealed class SlaClockTests
{
    internal static readonly SlaCatalogData Shipped = SlaFileLoader.Load(Path.Combine(AppContext.BaseDirectory, "sla", "sla-policies.yaml"));
    private static readonly BusinessCalendar Always = BusinessCalendar.AlwaysOpen;

    [Fact]
    public void The_shipped_file_has_both_policies_and_the_five_natural_day_asset_list()
    {
        Assert.Equal(["standard", "cloud"], Shipped.Policies.Select(p => p.Id));
        Assert.Equal(TimeSpan.FromDays(5), Shipped.Policy("cloud")!.Clocks.Single(c => c.Id == "asset-list").Targets["P1"]);
        Assert.Equal([50, 75, 100], Shipped.Policy("standard")!.Warnings);
    }

    [Fact]
    public void Declaring_starts_the_acknowledge_clock_and_acknowledging_stops_it_in_time()
    {
        var time = new FakeTimeProvider(Now);
        var incident = DeclareWith(Shipped.Policy("standard")!);
        var clock = incident.FindClock("acknowledge")!;
        Assert.Equal((Now, TimeSpan.FromMinutes(15)), (clock.StartedAt!.Value, clock.Target));
        Assert.Equal(Now.AddMinutes(15), clock.DueAt(100, Always));

        time.Advance(TimeSpan.FromMinutes(10));
        incident.Acknowledge(Responder, time.GetUtcNow());

        Assert.Equal(SlaState.Met, clock.Read(Always, time.GetUtcNow().AddHours(1)).State);
        Assert.Empty(incident.Acknowledge(Responder, time.GetUtcNow()));
    }

    [Fact]
    public void Thresholds_are_announced_once_and_never_before_they_are_reached()
    {
        var incident = DeclareWith(Shipped.Policy("standard")!);

        Assert.Empty(incident.RecordSlaThreshold("acknowledge", 50, Always, Responder, Now.AddMinutes(7).AddSeconds(29)));
        var warning = Assert.Single(incident.RecordSlaThreshold("acknowledge", 50, Always, Responder, Now.AddMinutes(7).AddSeconds(31)));
        Assert.Empty(incident.RecordSlaThreshold("acknowledge", 50, Always, Responder, Now.AddMinutes(9)));
        var breach = Assert.Single(incident.RecordSlaThreshold("acknowledge", 100, Always, Responder, Now.AddMinutes(20), dueAt: Now.AddMinutes(15)));

        Assert.Equal(("sla.warning", "sla.breached"), (warning.Type, breach.Type));
        Assert.Equal("00:05:00", (string)breach.Data["lateBy"]!);
        // The due time of the reminder that recorded it: a retry of that reminder tells its own record by it.
        Assert.Equal(Now.AddMinutes(15), DateTimeOffset.Parse((string)breach.Data["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(warning.Data.ContainsKey("dueAt"));
        Assert.Equal(SlaState.Breached, incident.FindClock("acknowledge")!.Read(Always, Now.AddMinutes(20)).State);
    }

    [Fact]
    public void Waiting_on_the_clients_decision_pauses_the_containment_clock()
    {
        var incident = DeclareWith(Shipped.Policy("standard")!);
        var clock = incident.FindClock("contain")!;
        Assert.Null(clock.StartedAt);
        foreach (var phase in new[] { "preparation", "detection" })
            Advance(incident, phase, Now);
        Assert.Equal(Now, clock.StartedAt);

        var (request, _) = incident.RequestApproval(Playbook, "CP-09", Approvals.ApprovalFixture.Isolate, ApprovalPolicy.Default, Responder, Now.AddHours(1));
        Assert.True(clock.IsPaused);
        incident.Decide(request.Id, request.ProposalHash, DecisionKind.Approve, null, Approvals.ApprovalFixture.Contoso(), Approvals.ApprovalFixture.Tenant, Approvals.ApprovalFixture.Megan, Now.AddHours(3));

        Assert.False(clock.IsPaused);
        Assert.Equal(TimeSpan.FromHours(1), clock.Consumed(Always, Now.AddHours(3)));
        Assert.Equal(Now.AddHours(3 + 3), clock.DueAt(100, Always));
    }

    [Fact]
    public void A_bad_clock_names_its_file_line_and_field()
    {
        const string yaml = """
            policies:
              - id: broken
                name: { zh-CN: 坏, en: Broken }
                clocks:
                  - id: acknowledge
                    name: { zh-CN: 确认, en: Acknowledge }
                    calendar: office-hours
                    starts: incident.declared
                    stops: incident.acknowledged
                    targets: { P1: soon }
            """;

        var error = Assert.Throws<DataFileException>(() => SlaFileLoader.Parse(yaml, "sla.yaml"));

        Assert.Contains(error.Problems, p => p.Field.EndsWith("clocks[0].calendar", StringComparison.Ordinal) && p.Line == 7);
        Assert.Contains(error.Problems, p => p.Field.EndsWith("clocks[0].targets", StringComparison.Ordinal) && p.Line == 10);
    }

    private static Incident DeclareWith(SlaPolicy policy) => Incident.Declare(
        "INC-2026-0001", "contoso", Playbook, Playbook.FindType("web-defacement")!, Playbook.FindSeverity("P1")!,
        "Homepage defaced", "", Commander, Responder, Now, policy).Incident;

    private static void Advance(Incident incident, string phase, DateTimeOffset now)
    {
        foreach (var point in Playbook.Phase(phase).ControlPoints)
        {
            if (point.IsGated)
                incident.BreakGlass(Playbook, point.Id, "Client's CISO agreed on the phone at 10:02", Commander, now);
            incident.SetPointStatus(Playbook, point.Id, PointStatus.Done, null, Responder, now);
        }
        incident.AdvancePhase(Playbook, Commander, now);
    }
}

public sealed class SlaThresholdTests
{
    [Fact]
    public void Pending_thresholds_are_those_not_yet_announced_on_running_clocks()
    {
        var incident = Incident.Declare("INC-2026-0002", "contoso", Playbook, Playbook.FindType("web-defacement")!, Playbook.FindSeverity("P1")!,
            "Homepage defaced", "", Commander, Responder, Now, SlaClockTests.Shipped.Policy("standard")).Incident;
        incident.RecordSlaThreshold("acknowledge", 50, BusinessCalendar.AlwaysOpen, Responder, Now.AddMinutes(8));

        var pending = incident.PendingThresholds([50, 75, 100], SlaClockTests.Shipped.Calendar).ToList();

        Assert.Contains(new SlaThreshold(incident.Id, "acknowledge", 75, Now.AddMinutes(11.25)), pending);
        Assert.Contains(new SlaThreshold(incident.Id, "respond", 100, Now.AddHours(1)), pending);
        Assert.DoesNotContain(pending, p => p.ClockId == "acknowledge" && p.Percent == 50);
        Assert.DoesNotContain(pending, p => p.ClockId is "contain" or "report");
    }
}
