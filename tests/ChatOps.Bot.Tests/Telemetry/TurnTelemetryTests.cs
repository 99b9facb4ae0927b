using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Hosting;

namespace ChatOps.Bot.Tests.Telemetry;

/// <summary>Each POST to /api/messages is a span and a latency measurement tagged with its kind and how it ended.</summary>
public sealed class TurnTelemetryTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task A_help_turn_records_its_latency_and_a_span_as_a_processed_message_answered_200()
    {
        using var metrics = new MetricRecorder(host.Services);
        using var spans = new SpanRecorder();
        using var parent = SpanRecorder.StartTrace("help turn");

        var response = await PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, "help"), host.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = await metrics.WaitForAsync("chatops.turn.duration", _ => true);
        Assert.Equal(
            new Dictionary<string, object?> { ["chatops.activity.type"] = "message", ["chatops.turn.outcome"] = "processed", ["http.response.status_code"] = 200 },
            turn.Tags);
        Assert.InRange(turn.Value, 1e-6, 30);
        var span = await spans.WaitForAsync(parent.TraceId, "turn message");
        Assert.Equal(("message", "processed", (object)200), (span.GetTagItem("chatops.activity.type"), span.GetTagItem("chatops.turn.outcome"), span.GetTagItem("http.response.status_code")));
    }

    [Fact]
    public async Task A_forged_token_is_measured_as_a_refused_turn_answered_401()
    {
        using var metrics = new MetricRecorder(host.Services);

        var response = await PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, "help"), "forged.not-a.jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var turn = await metrics.WaitForAsync("chatops.turn.duration", _ => true);
        Assert.Equal(("message", "refused", (object)401), ((string?)turn["chatops.activity.type"], (string?)turn["chatops.turn.outcome"], turn["http.response.status_code"]));
    }

    [Fact]
    public async Task A_card_click_records_the_invoke_latency_by_verb_inside_its_turn_and_an_unknown_verb_as_unknown()
    {
        using var metrics = new MetricRecorder(host.Services);
        using var spans = new SpanRecorder();
        System.Diagnostics.ActivityTraceId trace;

        using (var parent = SpanRecorder.StartTrace("click"))
        {
            trace = parent.TraceId;
            await PostAsync(TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject { ["verb"] = "help.show", ["language"] = "en" }), host.ValidToken());
        }
        await PostAsync(TeamsActivities.Execute(host.Connector.ServiceUrl, new JsonObject { ["verb"] = "no.such.verb", ["text"] = "user text" }), host.ValidToken());

        var invokes = metrics.Of("chatops.invoke.duration");
        Assert.Equal(
            [("help.show", "execute", "ok"), ("unknown", "execute", "unknown_verb")],
            invokes.Select(i => ((string?)i["chatops.card.verb"], (string?)i["chatops.card.action"], (string?)i["chatops.invoke.outcome"])));
        var turns = metrics.Of("chatops.turn.duration");
        Assert.All(turns, t => Assert.Equal(("invoke", "adaptiveCard/action"), ((string?)t["chatops.activity.type"], (string?)t["chatops.invoke.name"])));
        var card = await spans.WaitForAsync(trace, "card help.show");
        var turn = await spans.WaitForAsync(trace, "turn invoke");
        Assert.Equal(turn.SpanId, card.ParentSpanId);
    }

    [Fact]
    public async Task An_activity_type_nobody_defined_is_tagged_other_never_with_the_callers_text()
    {
        using var metrics = new MetricRecorder(host.Services);
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        activity["type"] = "x-" + Guid.NewGuid().ToString("N");

        await PostAsync(activity, host.ValidToken());

        var turn = await metrics.WaitForAsync("chatops.turn.duration", _ => true);
        Assert.Equal("other", turn["chatops.activity.type"]);
    }

    /// <summary>Sent within the current span, if any: HttpClient carries its trace to the bot (traceparent).</summary>
    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Client.SendAsync(request);
    }
}
