using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Protocol.Activities;

namespace ChatOps.Bot.Tests.Protocol.Activities;

public sealed class ActivityJsonTests
{
    private const string TeamsInvoke = """
        {"type":"invoke","name":"adaptiveCard/action","id":"f:123","timestamp":"2026-11-23T10:00:00.123Z",
         "localTimestamp":"2026-11-23T18:00:00.123+08:00","localTimezone":"Asia/Shanghai","serviceUrl":"https://smba.trafficmanager.net/apac/",
         "channelId":"msteams","from":{"id":"29:1abc","name":"李雷","aadObjectId":"6f2b","userRole":"user"},
         "conversation":{"isGroup":true,"conversationType":"channel","tenantId":"t1","id":"19:c@thread.tacv2;messageid=1795"},
         "recipient":{"id":"28:app","name":"Bot"},"replyToId":"1795374020137","locale":"zh-CN",
         "entities":[{"type":"clientInfo","locale":"zh-CN","platform":"Windows","timezone":"Asia/Shanghai"}],
         "channelData":{"tenant":{"id":"t1"},"team":{"id":"19:team@thread.tacv2","aadGroupId":"g1"},"channel":{"id":"19:c@thread.tacv2"},"source":{"name":"message"},"legacy":{"replyToId":"x"}},
         "value":{"action":{"type":"Action.Execute","title":"批准","verb":"approval.decide","data":{"verb":"approval.decide","n":[1,2,{"deep":true}]}},"trigger":"manual"},
         "somethingTeamsAddsLater":{"nested":["kept"]}}
        """;

    [Fact]
    public void An_activity_keeps_every_field_it_does_not_model_through_a_round_trip()
    {
        var activity = JsonSerializer.Deserialize(TeamsInvoke, ActivityJson.Wire.Activity)!;

        var written = JsonSerializer.Serialize(activity, ActivityJson.Wire.Activity);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TeamsInvoke), JsonNode.Parse(written)), written);
        Assert.Equal("approval.decide", activity.Value!.Value.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal("zh-CN", activity.Locale);
    }

    // JSON needs no escape for <, > or &; written as \u003C they made a proposal of them six times longer than Teams takes.
    [Fact]
    public void Chinese_text_and_markup_characters_are_written_as_themselves_and_read_back()
    {
        var written = JsonSerializer.Serialize(new Activity { Type = "message", Text = "事件 <script>&'\"\u0001" }, ActivityJson.Wire.Activity);

        Assert.Contains("事件 <script>&'\\\"\\u0001", written, StringComparison.Ordinal);
        Assert.Equal("事件 <script>&'\"\u0001", JsonSerializer.Deserialize(written, ActivityJson.Wire.Activity)!.Text);
    }
}
