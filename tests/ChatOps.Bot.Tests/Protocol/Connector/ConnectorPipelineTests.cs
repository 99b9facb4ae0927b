using System.Net;
using ChatOps.Bot.Protocol.Activities;
using Microsoft.Extensions.Time.Testing;
using static ChatOps.Bot.Tests.Protocol.Connector.FakeTimeDriver;
using static ChatOps.Bot.Tests.Protocol.Connector.ScriptedConnector;

namespace ChatOps.Bot.Tests.Protocol.Connector;

/// <summary>The handlers in the order AddBotProtocol puts them: retry, then rate limit, then timeout and token.</summary>
public sealed class ConnectorPipelineTests
{
    private static readonly Uri ServiceUrl = new("https://smba.trafficmanager.net/emea/");
    private const string Conversation = "19:abc@thread.tacv2";
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());

    [Fact]
    public async Task A_retry_queues_for_a_rate_slot_again()
    {
        // The 7th request is throttled with Retry-After: 0, so only the rate limiter can delay its retry.
        var script = Enumerable.Repeat(Answer(HttpStatusCode.OK), 6).Append(Answer(HttpStatusCode.TooManyRequests, TimeSpan.Zero)).Append(Answer(HttpStatusCode.OK));
        using var host = new ConnectorHost(new ScriptedConnector(_time, [.. script]), new FakeEntra(), _time);
        await host.Tokens.GetAsync(default);

        var sends = Enumerable.Range(0, 7).Select(i => Start(() => host.Client.SendAsync(ServiceUrl, Conversation, Message($"m{i}"), default))).ToList();
        await _time.RunAsync(Task.WhenAll(sends), TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));

        var attempts = host.Connector.Attempts;
        Assert.Equal(8, attempts.Count);
        Assert.All(attempts.Take(7), a => Assert.Equal(TimeSpan.Zero, a.At));
        // That retry is the conversation's 8th request: it waits for the 7-per-second window.
        Assert.Equal(TimeSpan.FromSeconds(1), attempts[7].At);
        Assert.Equal(attempts[6].Body, attempts[7].Body);
        Assert.All(attempts, a => Assert.Equal("token-1", a.Authorization?.Parameter));
    }

    [Fact]
    public async Task A_retry_carries_a_fresh_token_when_the_old_one_went_stale_during_the_wait()
    {
        // A 10-minute token is stale (under 5 minutes left) after the 6-minute Retry-After.
        using var host = new ConnectorHost(
            new ScriptedConnector(_time, Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromMinutes(6)), Answer(HttpStatusCode.OK)), new FakeEntra(600), _time);
        await host.Tokens.GetAsync(default);

        var send = Start(() => host.Client.SendAsync(ServiceUrl, Conversation, Message("m0"), default));
        await _time.RunAsync(send, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));

        var attempts = host.Connector.Attempts;
        Assert.Equal(["token-1", "token-2"], attempts.Select(a => a.Authorization?.Parameter));
        Assert.True(attempts[1].At >= TimeSpan.FromMinutes(6));
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
