using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Conversations;

/// <summary>The Development client (contoso) opens incidents as threads in its configured channel.</summary>
public sealed partial class DeclareTests(BotHost host) : IClassFixture<BotHost>
{
    public const string Alex = "00000000-0000-0000-0000-0000000000020";
    public const string Megan = "00000000-0000-0000-0000-0000000000021";

    [Fact]
    public async Task Declare_alone_answers_with_the_form()
    {
        await ContosoStoredAsync();
        var activity = From(TeamsActivities.Message(host.Connector.ServiceUrl, "declare"), Alex);

        await host.PostAsync(activity);

        var sent = await host.Connector.WaitForAsync(r => r.Body.Contains((string)activity["id"]!, StringComparison.Ordinal));
        Assert.Contains("incident.declare", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"contoso\"", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_line_declaration_opens_a_thread_with_the_incident_card_then_the_checklist_and_confirms()
    {
        var id = await DeclareAsync("Homepage defaced");

        var created = host.Connector.Requests.Single(r => r.Path == "/v3/conversations" && r.Body.Contains(id, StringComparison.Ordinal));
        Assert.Equal("team-id", created.Json.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Contains("Homepage defaced", created.Body, StringComparison.Ordinal);
        var checklist = host.Connector.Requests.Single(r => r.Path.StartsWith("/v3/conversations/19:new@thread.tacv2;messageid=", StringComparison.Ordinal) && r.Body.Contains(id + " · ", StringComparison.Ordinal));
        Assert.Contains("CP-01", checklist.Body, StringComparison.Ordinal);

        var stored = await Store.GetAsync(id, default);
        Assert.NotNull(stored!.Incident.Channel);
        var confirmation = host.Connector.Requests.Single(r => r.Body.Contains(id + " declared", StringComparison.Ordinal));
        Assert.Contains("https://teams.microsoft.com/l/channel/team-id/", confirmation.Body, StringComparison.Ordinal);
        Assert.True(ChainVerification.Verify(await Store.ReadTimelineAsync(id, default), stored.Incident.TimelineHead).Intact);
    }

    [Fact]
    public async Task A_form_with_an_unknown_client_comes_back_with_the_error_beside_the_field()
    {
        await ContosoStoredAsync();
        var click = From(TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject
        {
            ["verb"] = "incident.declare", ["declarationId"] = Guid.NewGuid().ToString("N"),
            ["client"] = "fabrikam", ["type"] = "ddos", ["severity"] = "P2", ["title"] = "Site down",
        }), Alex);

        var body = await (await host.PostAsync(click)).Content.ReadAsStringAsync();

        Assert.Contains("fabrikam", body, StringComparison.Ordinal);
        Assert.Contains("\"Site down\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Connector.Requests, r => r.Path == "/v3/conversations" && r.Body.Contains("Site down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_form_names_a_commander_from_the_clients_response_team_and_refuses_anyone_else()
    {
        await ContosoStoredAsync();
        JsonObject Form(string commander) => From(TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject
        {
            ["verb"] = "incident.declare", ["declarationId"] = Guid.NewGuid().ToString("N"),
            ["client"] = "contoso", ["type"] = "ransomware", ["severity"] = "P1", ["title"] = "Encrypted shares", ["commander"] = commander,
        }), Megan);

        var refused = await (await host.PostAsync(Form(Megan))).Content.ReadAsStringAsync();
        var accepted = await (await host.PostAsync(Form(Alex))).Content.ReadAsStringAsync();

        Assert.Contains("must be on Contoso Ltd.", refused, StringComparison.Ordinal);
        var id = IncidentIdPattern().Match(accepted).Value;
        var incident = (await Store.GetAsync(id, default))!.Incident;
        Assert.Equal(Alex, incident.Commander.AadObjectId);
        Assert.Equal(Megan, incident.DeclaredBy.AadObjectId);
    }

    [Fact]
    public async Task A_checklist_click_answers_the_clicker_and_updates_the_card_for_everyone()
    {
        var id = await DeclareAsync("Webshell found");
        var checklistId = (await Store.GetAsync(id, default))!.Incident.Channel!.ChecklistCards["preparation"];

        var body = await ClickAsync(id, "CP-01", "Open", "InProgress", Alex);

        Assert.Contains("In progress", body, StringComparison.Ordinal);
        var put = await host.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/activities/" + checklistId, StringComparison.Ordinal));
        Assert.Contains("进行中", put.Body, StringComparison.Ordinal);
        Assert.Equal("InProgress", (await Store.GetAsync(id, default))!.Incident.Points["CP-01"].Status.ToString());
    }

    [Fact]
    public async Task The_clicker_is_answered_before_a_throttled_card_update_for_everyone_goes_through()
    {
        var id = await DeclareAsync("Throttled");
        var checklistId = (await Store.GetAsync(id, default))!.Incident.Channel!.ChecklistCards["preparation"];
        host.Connector.FailNext(429, retryAfter: "2");

        var body = await ClickAsync(id, "CP-01", "Open", "InProgress", Alex);

        Assert.Contains("In progress", body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Connector.Requests, r => r.Method == "PUT" && r.Path.EndsWith(checklistId, StringComparison.Ordinal) && r.Status == 200);
        await host.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith(checklistId, StringComparison.Ordinal) && r.Status == 200);
    }

    [Fact]
    public async Task A_click_on_a_stale_card_is_not_applied_and_the_clicker_gets_the_fresh_card_with_a_note()
    {
        var id = await DeclareAsync("DNS hijack");
        await ClickAsync(id, "CP-03", "Open", "Done", Alex);
        var version = (await Store.GetAsync(id, default))!.Incident.Version;

        var body = await ClickAsync(id, "CP-03", "Open", "InProgress", Alex);

        Assert.Contains("Someone changed this checklist", body, StringComparison.Ordinal);
        Assert.Equal(version, (await Store.GetAsync(id, default))!.Incident.Version);
    }

    [Fact]
    public async Task A_late_click_is_stale_even_when_its_point_came_round_to_the_status_it_was_drawn_with()
    {
        var id = await DeclareAsync("Round trip");
        await ClickAsync(id, "CP-01", "Open", "InProgress", Alex, revision: 0);
        await ClickAsync(id, "CP-01", "InProgress", "Done", Alex, revision: 1);
        await ClickAsync(id, "CP-01", "Done", "Open", Alex, revision: 2);
        var version = (await Store.GetAsync(id, default))!.Incident.Version;

        // The first card's Start, clicked long ago and delivered only now: Open again, but three changes later.
        var late = await ClickAsync(id, "CP-01", "Open", "InProgress", Alex, revision: 0);

        Assert.Contains("Someone changed this checklist", late, StringComparison.Ordinal);
        Assert.Equal(version, (await Store.GetAsync(id, default))!.Incident.Version);
        Assert.Contains("\"revision\":3", late, StringComparison.Ordinal); // the fresh card's buttons carry the revision now
        Assert.Contains("In progress", await ClickAsync(id, "CP-01", "Open", "InProgress", Alex, revision: 3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_people_clicking_one_point_at_once_cannot_both_win()
    {
        var id = await DeclareAsync("Two clicks");

        var bodies = await Task.WhenAll(ClickAsync(id, "CP-01", "Open", "Done", Alex), ClickAsync(id, "CP-01", "Open", "InProgress", Alex));

        var timeline = await Store.ReadTimelineAsync(id, default);
        Assert.Single(timeline, e => e.Type == "point.status");
        Assert.Single(bodies, b => b.Contains("Someone changed this checklist", StringComparison.Ordinal));
        Assert.True(ChainVerification.Verify(timeline).Intact);
    }

    [Theory]
    [InlineData("""{"verb":"checklist.set","pointId":"CP-01","from":"Open","to":"Done"}""")]
    [InlineData("""{"verb":"checklist.set","incidentId":"INC-2026-9999","pointId":"CP-01","from":"Open","to":"Exploded"}""")]
    [InlineData("""{"verb":"checklist.set","incidentId":"INC-2026-9999","pointId":"CP-01","from":"Open","to":"Done"}""")]
    [InlineData("""{"verb":"checklist.set","incidentId":"INC-2026-9999","pointId":"CP-01","from":"Open","to":"Done","revision":"three"}""")]
    [InlineData("""{"verb":"checklist.set","incidentId":"INC-2026-9999","pointId":"CP-01","from":"Open","to":"Done","revision":1e99}""")]
    [InlineData("""{"verb":"phase.advance","incidentId":"no such thing","phase":"summary"}""")]
    [InlineData("""{"verb":"checklist.set","incidentId":"INC/2026#1?","pointId":"CP-01","from":"Open","to":"Done"}""")]
    [InlineData("""{"verb":"incident.declare","declarationId":"d-slash","client":"con/toso","type":"ddos","severity":"P2","title":"Slash"}""")]
    public async Task A_forged_or_broken_click_is_answered_on_the_card_not_with_a_failure(string data)
    {
        var click = From(TeamsActivities.Execute(host.Connector.ServiceUrl, JsonNode.Parse(data)!.AsObject()), Alex);

        var response = await host.PostAsync(click);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("statusCode").GetInt32(), 200, 499);
    }

    [Theory]
    [InlineData("")]
    [InlineData("closure")]
    public async Task A_phase_click_naming_no_phase_of_the_playbook_is_answered_and_changes_nothing(string phase)
    {
        var id = await DeclareAsync("Phase forged");
        var version = (await Store.GetAsync(id, default))!.Incident.Version;
        var click = From(TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject { ["verb"] = "phase.advance", ["incidentId"] = id, ["phase"] = phase }), Alex);

        var body = await (await host.PostAsync(click)).Content.ReadAsStringAsync();

        Assert.Equal(200, JsonDocument.Parse(body).RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(version, (await Store.GetAsync(id, default))!.Incident.Version);
    }

    [Fact]
    public async Task Someone_outside_the_response_team_gets_a_polite_refusal_and_nothing_changes()
    {
        var id = await DeclareAsync("ARP spoofing");

        var body = await ClickAsync(id, "CP-01", "Open", "Done", Megan);

        Assert.Contains("Only the incident", body, StringComparison.Ordinal);
        Assert.Equal(2, (await Store.GetAsync(id, default))!.Incident.Version);
    }

    [Fact]
    public async Task The_commander_closes_a_settled_phase_and_the_next_checklist_is_posted_in_the_thread()
    {
        var id = await DeclareAsync("Phase walk");
        foreach (var point in new[] { "CP-01", "CP-03", "CP-04" })
            await ClickAsync(id, point, "Open", "Done", Alex);
        await ClickAsync(id, "CP-02", "Open", "NotApplicable", Alex, ("reason.CP-02", "Standing contract signed in 2025"));
        var stored = (await Store.GetAsync(id, default))!;
        var thread = stored.Incident.Channel!.ConversationId;
        // The gate still needs the client's word (here the commander's break glass) before the phase closes.
        var playbook = host.Services.GetRequiredService<ChatOps.Bot.Incidents.PlaybookCatalog>().Get(stored.Incident.PlaybookId);
        await Store.SaveAsync(stored, stored.Incident.BreakGlass(playbook, "CP-02", "Standing contract signed in 2025", stored.Incident.Commander, DateTimeOffset.UnixEpoch), default);

        var click = From(TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject { ["verb"] = "phase.advance", ["incidentId"] = id, ["phase"] = "preparation" }), Alex);
        var body = await (await host.PostAsync(click)).Content.ReadAsStringAsync();

        var incident = (await Store.GetAsync(id, default))!.Incident;
        Assert.Equal("detection", incident.Phase);
        Assert.Contains("Standing contract signed in 2025", (string?)incident.Points["CP-02"].Reason, StringComparison.Ordinal);
        Assert.True(incident.Channel!.ChecklistCards.ContainsKey("detection"));
        await host.Connector.WaitForAsync(r => r.Method == "POST" && r.Path == $"/v3/conversations/{thread}/activities" && r.Body.Contains("CP-05", StringComparison.Ordinal));
        Assert.Contains("This phase is closed", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gated_point_cannot_be_completed_and_the_card_says_why()
    {
        var id = await DeclareAsync("Ransom note");

        var body = await ClickAsync(id, "CP-02", "Open", "Done", Alex);

        Assert.Contains("cannot be completed before the client authorises it", body, StringComparison.Ordinal);
    }

    internal IIncidentStore Store => host.Services.GetRequiredService<IIncidentStore>();

    internal async Task<string> DeclareAsync(string title)
    {
        await ContosoStoredAsync();
        var activity = From(TeamsActivities.Message(host.Connector.ServiceUrl, $"declare P2 webshell client=contoso \"{title}\""), Alex);
        await host.PostAsync(activity);
        var confirmation = await host.Connector.WaitForAsync(r => r.Body.Contains((string)activity["id"]!, StringComparison.Ordinal));
        return IncidentIdPattern().Match(confirmation.Body).Value is { Length: > 0 } id ? id : throw new Xunit.Sdk.XunitException(confirmation.Body);
    }

    /// <param name="revision">The point's revision the card was drawn at; none, as on a card drawn before revisions existed.</param>
    private async Task<string> ClickAsync(string incidentId, string point, string from, string to, string aadObjectId, (string Id, string Value)? input = null, int? revision = null)
    {
        var data = new JsonObject { ["verb"] = "checklist.set", ["incidentId"] = incidentId, ["pointId"] = point, ["from"] = from, ["to"] = to };
        if (revision is { } r)
            data["revision"] = r;
        if (input is { } i)
            data[i.Id] = i.Value;
        var click = From(TeamsActivities.Execute(host.Connector.ServiceUrl, data), aadObjectId);
        var response = await host.PostAsync(click);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("value").GetRawText();
    }

    internal static JsonObject From(JsonObject activity, string aadObjectId)
    {
        activity["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["name"] = aadObjectId == Alex ? "Alex Wilber" : "Megan Bowen", ["aadObjectId"] = aadObjectId };
        return activity;
    }

    private async Task ContosoStoredAsync()
    {
        var directory = host.Services.GetRequiredService<IClientDirectory>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (await directory.FindAsync("contoso", default) is null)
            await Task.Delay(50, timeout.Token);
    }

    [GeneratedRegex(@"INC-\d{4}-\d{4}")]
    private static partial Regex IncidentIdPattern();
}
