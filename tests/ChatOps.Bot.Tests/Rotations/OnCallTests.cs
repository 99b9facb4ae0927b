using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ChatOps.Bot.Tests.Conversations;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Rotations;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Rotations;

/// <summary><c>oncall</c> and <c>override</c> against the Development rotations file (primary in Shanghai, secondary in New York).</summary>
public sealed class OnCallTests(BotHost host) : IClassFixture<BotHost>
{
    private const string Lee = "00000000-0000-0000-0000-0000000000023";

    [Fact]
    public async Task Oncall_in_a_personal_chat_shows_now_and_next_for_every_rotation_in_its_own_zone()
    {
        var answer = await AskAsync("oncall");

        Assert.Contains("Primary on-call (Asia/Shanghai): now ", answer, StringComparison.Ordinal);
        Assert.Contains("Secondary on-call (New York) (America/New_York): now ", answer, StringComparison.Ordinal);
        Assert.Contains("UTC+08:00", answer, StringComparison.Ordinal);
        Assert.Matches(@"UTC-0[45]:00", answer);
        Assert.Contains("; next ", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oncall_for_one_rotation_in_Chinese_and_an_unknown_one_lists_the_rotations()
    {
        var chinese = await AskAsync("值班 secondary", locale: "zh-CN");
        var unknown = await AskAsync("oncall tertiary");

        Assert.StartsWith("Secondary on-call (New York)（America/New_York）：当前 ", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("Primary", chinese, StringComparison.Ordinal);
        Assert.Contains("There is no rotation “tertiary”. The rotations are: primary, secondary", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_puts_the_mentioned_person_on_call_by_their_entra_id_and_oncall_then_shows_it()
    {
        var confirmation = await AskAsync("override primary <at>Megan Bowen</at> now 4h", mention: ("29:user-id-1", "Megan Bowen"));
        var now = await AskAsync("oncall primary");

        Assert.Matches(@"^Megan Bowen is on call for Primary on-call from \d{4}-\d\d-\d\d \d\d:\d\d UTC\+08:00 until ", confirmation);
        Assert.Contains("now Megan Bowen (override until ", now, StringComparison.Ordinal);
        var stored = Assert.Single((await Rotation("primary")).Overrides, o => o.Person.AadObjectId == DeclareTests.Megan);
        Assert.Equal((TimeSpan.FromHours(4), DeclareTests.Alex), (stored.To - stored.From, stored.AddedBy.AadObjectId));
    }

    [Fact]
    public async Task Override_in_an_incident_channel_answers_in_the_thread()
    {
        var declare = new DeclareTests(host);
        var incident = await declare.DeclareAsync("Who is on call?");
        var thread = (await declare.Store.GetAsync(incident, default))!.Incident.Channel!.ConversationId;
        var message = DeclareTests.From(TeamsActivities.ChannelMessage(host.Connector.ServiceUrl, "代班 primary me 2030-01-01 09:00 2030-01-01 18:00", mention: true), DeclareTests.Alex);
        message["conversation"]!["id"] = thread;

        await host.PostAsync(message);

        var sent = await host.Connector.WaitForAsync(r => r.Body.Contains((string)message["id"]!, StringComparison.Ordinal));
        Assert.Contains($"/v3/conversations/{thread}/activities", sent.Path, StringComparison.Ordinal);
        Assert.Contains("from 2030-01-01 09:00 UTC+08:00 until 2030-01-01 18:00 UTC+08:00", sent.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Alex Wilber", (await Rotation("primary")).WhoIsOnCall(new DateTimeOffset(2030, 1, 1, 2, 0, 0, TimeSpan.Zero))!.Person.Name);
    }

    [Theory]
    [InlineData("override primary", "Usage: override <rotation> @someone <from> <to>")]
    [InlineData("override primary me now soon", "Usage: override <rotation> @someone <from> <to>")]
    [InlineData("override nightly me now 4h", "There is no rotation “nightly”")]
    [InlineData("override primary me now 40d", "An override lasts at most 31 days")]
    [InlineData("override primary me 2020-01-01 09:00 2020-01-01 18:00", "That override would be over already")]
    public async Task Bad_input_gets_a_helpful_line_and_stores_nothing(string text, string expected)
    {
        var answer = await AskAsync(text);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.DoesNotContain((await Rotation("primary")).Overrides, o => o.From.Year == 2020 || o.To - o.From > TimeSpan.FromDays(31));
    }

    [Fact]
    public async Task Someone_who_takes_no_shifts_cannot_override()
    {
        var answer = await AskAsync("override primary me now 1h", from: "00000000-0000-0000-0000-000000000999");

        Assert.Equal("Only people who take shifts in Primary on-call can add its overrides.", answer);
    }

    [Fact]
    public async Task An_override_outlives_a_restart_that_stores_the_rotations_file_again()
    {
        await AskAsync("override primary <at>Lee Gu</at> 2031-05-01 09:00 2031-05-01 21:00", mention: ("29:user-id-3", "Lee Gu"));
        await using var restarted = new BotHost();
        restarted.Settings["Storage:TablePrefix"] = host.TablePrefix;
        var restartedAt = TimeProvider.System.GetUtcNow().AddSeconds(-1);

        await restarted.InitializeAsync();
        await StoredAgainAsync("primary", restartedAt);

        var store = restarted.Services.GetRequiredService<IRotationStore>();
        var primary = (await store.FindAsync("primary", default))!;
        Assert.Equal(Lee, primary.WhoIsOnCall(new DateTimeOffset(2031, 5, 1, 12, 0, 0, TimeSpan.FromHours(8)))!.Person.AadObjectId);
        Assert.Equal(2, primary.Layers.Count);
        Assert.Equal(["primary", "secondary"], (await store.ListAsync(default)).Select(r => r.Id).Order());
        Assert.Equal(["primary", "secondary", null], (await store.FindPolicyAsync("security-incident", default))!.Levels.Select(l => l.RotationId));
    }

    /// <summary>Waits until the start-up has written the rotation's definition row again.</summary>
    private async Task StoredAgainAsync(string id, DateTimeOffset since)
    {
        var table = new TableClient(BotHost.StorageConnection, host.TablePrefix + "rotations");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while ((await table.GetEntityAsync<TableEntity>("rotation", id, cancellationToken: timeout.Token)).Value.Timestamp < since)
            await Task.Delay(50, timeout.Token);
    }

    private async Task<Rotation> Rotation(string id)
    {
        var store = host.Services.GetRequiredService<IRotationStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            if (await store.FindAsync(id, default) is { } rotation)
                return rotation;
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Sends a message in the personal chat (from Alex unless told) and returns the text of the bot's answer to it.</summary>
    private async Task<string> AskAsync(string text, string locale = "en-US", (string Id, string Name)? mention = null, string from = DeclareTests.Alex)
    {
        await Rotation("primary");
        await Rotation("secondary");
        var message = DeclareTests.From(TeamsActivities.Message(host.Connector.ServiceUrl, text, locale), from);
        if (mention is { } m)
        {
            message["entities"]!.AsArray().Add(new JsonObject
            {
                ["type"] = "mention", ["text"] = $"<at>{m.Name}</at>", ["mentioned"] = new JsonObject { ["id"] = m.Id, ["name"] = m.Name },
            });
        }
        await host.PostAsync(message);
        var sent = await host.Connector.WaitForAsync(r => r.Body.Contains((string)message["id"]!, StringComparison.Ordinal));
        return sent.Json.GetProperty("text").GetString()!;
    }
}
