using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Conversations;

/// <summary>The evidence register in an incident's thread: the form, its submit, the register, and hand-overs.</summary>
public sealed class EvidenceTests(BotHost host) : IClassFixture<BotHost>
{
    private const string Sha = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
    private readonly DeclareTests _declare = new(host);

    [Fact]
    public async Task Evidence_add_posts_the_form_whose_submit_registers_an_item_the_register_then_shows()
    {
        var (id, thread) = await OpenAsync("Memory forensics");
        var add = InThread(thread, "evidence add", mention: true);

        await host.PostAsync(add);
        var form = await host.Connector.WaitForAsync(r => r.Body.Contains((string)add["id"]!, StringComparison.Ordinal));
        var data = form.Json.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions")[0].GetProperty("data");
        Assert.Equal(("evidence.add", id), (data.GetProperty("verb").GetString(), data.GetProperty("incidentId").GetString()));
        var receipt = await SubmitAsync(id, data.GetProperty("formId").GetString()!, Sha, DeclareTests.Alex);
        var list = InThread(thread, "证据", mention: true);
        await host.PostAsync(list);

        Assert.Contains($"EV-001 registered on {id}", receipt, StringComparison.Ordinal);
        var item = Assert.Single((await Store.GetAsync(id, default))!.Incident.Evidence);
        Assert.Equal((EvidenceKind.VolatileData, Sha.ToLowerInvariant(), DeclareTests.Alex), (item.Kind, item.Sha256, item.CollectedBy.AadObjectId));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 1, 30, 0, TimeSpan.Zero), item.CollectedAt);
        var register = await host.Connector.WaitForAsync(r => r.Body.Contains((string)list["id"]!, StringComparison.Ordinal));
        Assert.Contains("EV-001", register.Body, StringComparison.Ordinal);
        Assert.Contains("Memory dump of WEB-01", register.Body, StringComparison.Ordinal);
        Assert.Contains(Sha.ToLowerInvariant(), register.Body, StringComparison.Ordinal);
        var timeline = await Store.ReadTimelineAsync(id, default);
        Assert.Single(timeline, e => e.Type == "evidence.added");
        Assert.True(ChainVerification.Verify(timeline, (await Store.GetAsync(id, default))!.Incident.TimelineHead).Intact);
    }

    [Fact]
    public async Task A_bad_sha256_brings_the_form_back_with_the_error_and_the_values_and_registers_nothing()
    {
        var (id, _) = await OpenAsync("Bad hash");

        var body = await SubmitAsync(id, Guid.NewGuid().ToString("N"), "not-a-hash", DeclareTests.Alex);

        Assert.Contains("exactly 64 hexadecimal characters", body, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"not-a-hash\"", body, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Memory dump of WEB-01\"", body, StringComparison.Ordinal);
        Assert.Empty((await Store.GetAsync(id, default))!.Incident.Evidence);
        Assert.DoesNotContain(await Store.ReadTimelineAsync(id, default), e => e.Type.StartsWith("evidence.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_form_submitted_twice_registers_one_item_and_someone_outside_the_team_registers_none()
    {
        var (id, _) = await OpenAsync("Double click");
        var formId = Guid.NewGuid().ToString("N");

        await SubmitAsync(id, formId, Sha, DeclareTests.Alex);
        var again = await SubmitAsync(id, formId, Sha, DeclareTests.Alex);
        var outsider = await SubmitAsync(id, Guid.NewGuid().ToString("N"), Sha, DeclareTests.Megan);

        Assert.Contains("EV-001 registered", again, StringComparison.Ordinal);
        Assert.Contains("can register or hand over evidence", outsider, StringComparison.Ordinal);
        Assert.Single((await Store.GetAsync(id, default))!.Incident.Evidence);
    }

    [Fact]
    public async Task Evidence_transfer_hands_the_item_to_the_mentioned_person_by_their_entra_id()
    {
        var (id, thread) = await OpenAsync("Custody walk");
        await SubmitAsync(id, Guid.NewGuid().ToString("N"), Sha, DeclareTests.Alex);

        var transfer = await TransferAsync(thread, "evidence transfer ev-001 <at>Megan Bowen</at> Sealed bag 7, for imaging");
        var again = await TransferAsync(thread, "evidence transfer EV-001 <at>Megan Bowen</at>");

        var item = Assert.Single((await Store.GetAsync(id, default))!.Incident.Evidence);
        var handOver = Assert.Single(item.Custody);
        Assert.Equal(new Person(DeclareTests.Alex, "Alex Wilber"), handOver.From);
        Assert.Equal(new Person(DeclareTests.Megan, "Megan Bowen"), handOver.To);
        Assert.Equal("Sealed bag 7, for imaging", handOver.Note);
        Assert.Contains("EV-001 is now held by Megan Bowen.", (await host.Connector.WaitForAsync(r => r.Body.Contains(transfer, StringComparison.Ordinal))).Body, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen already holds EV-001.", (await host.Connector.WaitForAsync(r => r.Body.Contains(again, StringComparison.Ordinal))).Body, StringComparison.Ordinal);
        Assert.Single(await Store.ReadTimelineAsync(id, default), e => e.Type == "evidence.custody" && (string?)e.Data["to"] == DeclareTests.Megan);
    }

    private IIncidentStore Store => host.Services.GetRequiredService<IIncidentStore>();

    private async Task<(string Id, string Thread)> OpenAsync(string title)
    {
        var id = await _declare.DeclareAsync(title);
        return (id, (await Store.GetAsync(id, default))!.Incident.Channel!.ConversationId);
    }

    /// <summary>Submits the form as Teams does: the inputs merged into the action's data. Returns the card that replaces the form.</summary>
    private async Task<string> SubmitAsync(string incidentId, string formId, string sha256, string aadObjectId)
    {
        var data = new JsonObject
        {
            ["verb"] = "evidence.add", ["incidentId"] = incidentId, ["formId"] = formId, ["kind"] = "volatile-data",
            ["item"] = "Memory dump of WEB-01", ["source"] = "WEB-01 (10.0.4.21)", ["collectedBy"] = "",
            ["collectedDate"] = "2026-11-20", ["collectedTime"] = "09:30", ["sha256"] = sha256, ["location"] = "Evidence locker B",
        };
        var response = await host.PostAsync(DeclareTests.From(TeamsActivities.Execute(host.Connector.ServiceUrl, data), aadObjectId));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("value").GetRawText();
    }

    /// <summary>Posts a transfer that @mentions Megan Bowen; returns the message's id, which the bot's answer replies to.</summary>
    private async Task<string> TransferAsync(string thread, string text)
    {
        var activity = InThread(thread, text, mention: true);
        activity["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Megan Bowen</at>", ["mentioned"] = new JsonObject { ["id"] = "29:user-id-1", ["name"] = "Megan Bowen" },
        });
        await host.PostAsync(activity);
        return (string)activity["id"]!;
    }

    private JsonObject InThread(string thread, string text, bool mention)
    {
        var activity = DeclareTests.From(TeamsActivities.ChannelMessage(host.Connector.ServiceUrl, text, mention), DeclareTests.Alex);
        activity["conversation"]!["id"] = thread;
        return activity;
    }
}
