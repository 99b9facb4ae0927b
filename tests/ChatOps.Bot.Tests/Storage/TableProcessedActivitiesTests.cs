using System.Text;
using Azure.Data.Tables;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Deduplication;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Tests.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>The de-duplication rows, against Azurite: what a redelivered invoke gets back, and what a row costs.</summary>
public sealed class TableProcessedActivitiesTests
{
    private readonly string _prefix = "d" + Guid.NewGuid().ToString("N")[..12];
    private readonly TableProcessedActivities _processed;

    public TableProcessedActivitiesTests()
    {
        var tables = new Tables(Options.Create(new StorageOptions { ConnectionString = BotHost.StorageConnection, TablePrefix = _prefix }), ChatOps.Bot.Tests.Telemetry.TestMetrics.New());
        _processed = new TableProcessedActivities(tables, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task A_finished_invoke_keeps_its_answer_compressed_and_a_redelivery_gets_it_back_unchanged()
    {
        var activity = Click("f:compressed");
        // A checklist card's answer: kilobytes of repetitive JSON, with text in both languages.
        var answer = "{\"statusCode\":200,\"type\":\"application/vnd.microsoft.card.adaptive\",\"value\":{\"body\":[" +
            string.Join(",", Enumerable.Range(1, 120).Select(i => $"{{\"type\":\"TextBlock\",\"text\":\"CP-{i:D2} 检测 · Detection — Open\",\"wrap\":true}}")) + "]}}";
        Assert.True((await _processed.TryClaimAsync(activity, default)).Claimed);
        await _processed.CompleteAsync(activity, answer, default);

        var again = await _processed.TryClaimAsync(activity, default);

        Assert.Equal(new ClaimResult(false, true, answer), again);
        var row = await Table().QueryAsync<TableEntity>(e => e.GetString("ActivityId") == "f:compressed").SingleAsync();
        Assert.Null(row.GetString("InvokeResponse"));
        Assert.InRange(row.GetBinary("InvokeResponseGzip")!.Length, 1, Encoding.UTF8.GetByteCount(answer) / 5);
    }

    [Fact]
    public async Task A_row_written_before_answers_were_compressed_still_gives_its_answer()
    {
        var activity = Click("f:legacy");
        Assert.True((await _processed.TryClaimAsync(activity, default)).Claimed);
        await _processed.CompleteAsync(activity, null, default);
        var row = await Table().QueryAsync<TableEntity>(e => e.GetString("ActivityId") == "f:legacy").SingleAsync();
        row["InvokeResponse"] = "{\"statusCode\":200}";
        row.Remove("InvokeResponseGzip");
        await Table().UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        Assert.Equal(new ClaimResult(false, true, "{\"statusCode\":200}"), await _processed.TryClaimAsync(activity, default));
    }

    private TableClient Table() => new(BotHost.StorageConnection, _prefix + "activities");

    private static Activity Click(string id) => new()
    {
        Type = ActivityTypes.Invoke, Id = id, ChannelId = "msteams", Conversation = new ConversationAccount { Id = "19:drill@thread.tacv2" },
    };
}
