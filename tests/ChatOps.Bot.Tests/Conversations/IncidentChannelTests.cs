using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Tests.Conversations;

public sealed class IncidentChannelTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly DeclareTests _declare = new(host);

    [Fact]
    public async Task Every_message_edit_and_delete_in_the_incident_thread_goes_on_the_record()
    {
        var (id, thread) = await OpenAsync("Malware beaconing");

        await host.PostAsync(InThread(thread, "Isolated host FIN-22 from the network", mention: false));
        var edit = InThread(thread, "Isolated host FIN-23 from the network", mention: false);
        edit["type"] = "messageUpdate";
        await host.PostAsync(edit);
        var delete = InThread(thread, "", mention: false);
        delete["type"] = "messageDelete";
        await host.PostAsync(delete);

        var types = (await Store.ReadTimelineAsync(id, default)).Select(e => e.Type).ToList();
        Assert.Equal(["message.posted", "message.edited", "message.deleted"], types.Where(t => t.StartsWith("message.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Note_verify_status_and_roles_answer_in_the_thread()
    {
        var (id, thread) = await OpenAsync("Phishing wave");

        await host.PostAsync(InThread(thread, "note Called the client's CISO", mention: true));
        var verify = InThread(thread, "verify", mention: true);
        await host.PostAsync(verify);
        var status = InThread(thread, "status", mention: true);
        await host.PostAsync(status);
        var roles = InThread(thread, "roles", mention: true);
        await host.PostAsync(roles);

        Assert.Contains(await Store.ReadTimelineAsync(id, default), e => e.Type == "note.added" && (string)e.Data["text"]! == "Called the client's CISO");
        await host.PostAsync(InThread(thread, "note cp-03 Plan sent for review", mention: true));
        Assert.Equal("Plan sent for review", (await Store.GetAsync(id, default))!.Incident.Points["CP-03"].LastNote);
        Assert.Contains("Record intact", (await host.Connector.WaitForAsync(r => r.Body.Contains((string)verify["id"]!, StringComparison.Ordinal))).Body, StringComparison.Ordinal);
        Assert.Equal(2, host.Connector.Requests.Count(r => r.Body.Contains((string)status["id"]!, StringComparison.Ordinal)));
        Assert.Contains("Megan Bowen", (await host.Connector.WaitForAsync(r => r.Body.Contains((string)roles["id"]!, StringComparison.Ordinal))).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_gives_a_point_to_the_mentioned_person_by_their_entra_id()
    {
        var (id, thread) = await OpenAsync("Data leak");
        var assign = InThread(thread, "assign CP-03 <at>Alex Wilber</at>", mention: true);
        assign["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Alex Wilber</at>", ["mentioned"] = new JsonObject { ["id"] = "29:user-id-0", ["name"] = "Alex Wilber" },
        });

        await host.PostAsync(assign);

        var owner = (await Store.GetAsync(id, default))!.Incident.Points["CP-03"].Assignee;
        Assert.Equal(new Person("00000000-0000-0000-0000-0000000000020", "Alex Wilber"), owner);
    }

    [Fact]
    public async Task Deliver_links_a_document_to_a_point_and_refuses_a_plain_http_link()
    {
        var (id, thread) = await OpenAsync("Scope signed");

        await host.PostAsync(InThread(thread, "deliver CP-01 https://contoso.sharepoint.com/scope.docx", mention: true));
        var refused = InThread(thread, "deliver CP-01 http://insecure.example/x", mention: true);
        await host.PostAsync(refused);

        var links = (await Store.GetAsync(id, default))!.Incident.Points["CP-01"].Links;
        Assert.Equal("https://contoso.sharepoint.com/scope.docx", Assert.Single(links).Url.AbsoluteUri);
        Assert.Contains("https", (await host.Connector.WaitForAsync(r => r.Body.Contains((string)refused["id"]!, StringComparison.Ordinal))).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_in_the_thread_gets_the_incident_commands()
    {
        var (_, thread) = await OpenAsync("Odd traffic");
        var unknown = InThread(thread, "launch the missiles", mention: true);

        await host.PostAsync(unknown);

        var sent = await host.Connector.WaitForAsync(r => r.Body.Contains((string)unknown["id"]!, StringComparison.Ordinal));
        Assert.Contains("verify", sent.Body, StringComparison.Ordinal);
        Assert.Contains("assign", sent.Body, StringComparison.Ordinal);
    }

    private IIncidentStore Store => host.Services.GetRequiredService<IIncidentStore>();

    private async Task<(string Id, string Thread)> OpenAsync(string title)
    {
        var id = await _declare.DeclareAsync(title);
        return (id, (await Store.GetAsync(id, default))!.Incident.Channel!.ConversationId);
    }

    private JsonObject InThread(string thread, string text, bool mention)
    {
        var activity = DeclareTests.From(TeamsActivities.ChannelMessage(host.Connector.ServiceUrl, text, mention), DeclareTests.Alex);
        activity["conversation"]!["id"] = thread;
        return activity;
    }
}
