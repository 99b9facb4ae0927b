using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Protocol.Deduplication;

public sealed class DuplicateDeliveryTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task A_message_delivered_twice_is_answered_once()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var id = (string)activity["id"]!;

        var first = await host.PostAsync(activity);
        var second = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(host.Connector.Requests, r => r.Body.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_delivered_twice_at_once_is_answered_once()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var id = (string)activity["id"]!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.PostAsync(activity)));
        var retried = await host.PostAsync(activity);

        // Those that came while the first was still running are asked to retry; the retry, after it, is answered.
        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.ServiceUnavailable && a.Headers.RetryAfter is not null));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await host.Connector.WaitForAsync(r => r.Body.Contains(id, StringComparison.Ordinal));
        Assert.Single(host.Connector.Requests, r => r.Body.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_delivered_again_while_its_first_delivery_runs_is_asked_to_retry_and_processed_once()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var id = (string)activity["id"]!;
        var teamsAnswers = new TaskCompletionSource();
        host.Connector.Held = teamsAnswers.Task;
        Task<HttpResponseMessage> first;
        HttpResponseMessage during;
        try
        {
            first = host.PostAsync(activity);
            await host.Connector.WaitForAsync(r => r.Body.Contains(id, StringComparison.Ordinal));
            during = await host.PostAsync(activity);
        }
        finally
        {
            host.Connector.Held = Task.CompletedTask;
            teamsAnswers.SetResult();
        }
        var firstAnswer = await first;
        var after = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.NotNull(during.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, firstAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Single(host.Connector.Requests, r => r.Body.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_whose_first_delivery_died_mid_turn_is_asked_to_retry_until_its_claim_is_abandoned_then_processed()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var id = (string)activity["id"]!;
        // The process that took the first delivery a minute ago was killed before it answered: its claim stays "processing".
        await ClaimAsync(activity, TimeProvider.System.GetUtcNow().AddMinutes(-1));

        var early = await host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
        Assert.NotNull(early.Headers.RetryAfter);
        Assert.DoesNotContain(host.Connector.Requests, r => r.Body.Contains(id, StringComparison.Ordinal));

        // Two more minutes: past the time after which a claim counts as abandoned.
        await BackdateClaimAsync(id, TimeSpan.FromMinutes(2));
        var retried = await host.PostAsync(activity);
        var again = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(host.Connector.Requests, r => r.Body.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invoke_delivered_again_before_its_first_delivery_finished_is_told_it_is_being_processed()
    {
        var click = TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject { ["verb"] = "help.show", ["language"] = "en" });
        await ClaimAsync(click, TimeProvider.System.GetUtcNow());

        var answer = await host.PostAsync(click);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("already being processed", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invoke_delivered_twice_gets_the_first_answer_again()
    {
        var click = TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject { ["verb"] = "help.show", ["language"] = "zh-CN" });

        var first = await (await host.PostAsync(click)).Content.ReadAsStringAsync();
        var second = await (await host.PostAsync(click)).Content.ReadAsStringAsync();

        Assert.Contains("命令", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_same_activity_id_in_another_conversation_is_a_different_activity()
    {
        var one = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var other = TeamsActivities.ChannelMessage(host.Connector.ServiceUrl, "help", mention: true);
        other["id"] = one["id"]!.DeepClone();

        await host.PostAsync(one);
        await host.PostAsync(other);

        Assert.Equal(2, host.Connector.Requests.Count(r => r.Body.Contains((string)one["id"]!, StringComparison.Ordinal)));
    }

    /// <summary>Takes the activity's claim as a first delivery that started at <paramref name="at"/> and never finished.</summary>
    private async Task ClaimAsync(JsonObject activity, DateTimeOffset at)
    {
        var parsed = JsonSerializer.Deserialize(activity.ToJsonString(), ActivityJson.Wire.Activity)!;
        var claims = new TableProcessedActivities(host.Services.GetRequiredService<Tables>(), new FakeTimeProvider(at));
        Assert.True((await claims.TryClaimAsync(parsed, default)).Claimed);
    }

    /// <summary>As if <paramref name="by"/> had passed since the claim was taken.</summary>
    private async Task BackdateClaimAsync(string activityId, TimeSpan by)
    {
        var table = new TableClient(BotHost.StorageConnection, host.TablePrefix + "activities");
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.GetString("ActivityId") == activityId))
        {
            row["ClaimedAt"] = row.GetDateTimeOffset("ClaimedAt")!.Value - by;
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        }
    }
}
