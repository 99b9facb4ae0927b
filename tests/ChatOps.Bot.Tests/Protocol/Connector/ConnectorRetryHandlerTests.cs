using System.Net;
using System.Text;
using ChatOps.Bot.Protocol.Connector;
using Microsoft.Extensions.Time.Testing;
using static ChatOps.Bot.Tests.Protocol.Connector.FakeTimeDriver;
using static ChatOps.Bot.Tests.Protocol.Connector.RetryTestClient;
using static ChatOps.Bot.Tests.Protocol.Connector.ScriptedConnector;

namespace ChatOps.Bot.Tests.Protocol.Connector;

public sealed class ConnectorRetryHandlerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ConnectorOptions _options = RetryTestClient.Options();

    [Fact]
    public async Task Retries_a_429_after_its_Retry_After()
    {
        var connector = new ScriptedConnector(_time, Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3)), Answer(HttpStatusCode.OK));

        var sent = await _time.RunAsync(Client(connector).Send(), Step, TimeSpan.FromMinutes(1));

        Assert.Equal("1", sent.Id);
        Assert.Equal(2, connector.Attempts.Count);
        Assert.InRange(connector.Attempts[1].At - connector.Attempts[0].At, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3) + Step);
    }

    [Fact]
    public async Task Retries_a_412()
    {
        var connector = new ScriptedConnector(_time, Answer(HttpStatusCode.PreconditionFailed), Answer(HttpStatusCode.OK));

        await _time.RunAsync(Client(connector).Send(), Step, TimeSpan.FromMinutes(1));

        Assert.Equal(2, connector.Attempts.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Does_not_retry_a_permanent_failure(HttpStatusCode status)
    {
        var connector = new ScriptedConnector(_time, Answer(status), Answer(HttpStatusCode.OK));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(Client(connector).Send(), Step, TimeSpan.FromMinutes(1)));

        Assert.Equal(status, failure.Status);
        Assert.Single(connector.Attempts);
    }

    [Fact]
    public async Task Gives_up_after_MaxRetries_and_the_caller_sees_the_last_answer()
    {
        _options.MaxRetries = 3;
        var connector = new ScriptedConnector(_time, Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1), """{"error":"throttled"}"""));

        var send = Client(connector).Send();
        var failure = await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(send, Step, TimeSpan.FromMinutes(1)));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.Status);
        Assert.Contains("throttled", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, connector.Attempts.Count);
    }

    [Fact]
    public async Task Every_attempt_carries_the_same_body_headers_and_conversation()
    {
        var connector = new ScriptedConnector(_time, Answer(HttpStatusCode.BadGateway), Answer(HttpStatusCode.TooManyRequests), Answer(HttpStatusCode.OK));

        await _time.RunAsync(Start(() => Client(connector).UpdateAsync(ServiceUrl, Conversation, "1:42", Message(), default)), Step, TimeSpan.FromMinutes(1));

        Assert.Equal(3, connector.Attempts.Count);
        var first = connector.Attempts[0];
        Assert.Contains("Hello there", Encoding.UTF8.GetString(first.Body!), StringComparison.Ordinal);
        Assert.All(connector.Attempts, a =>
        {
            Assert.Equal(first.Body, a.Body);
            Assert.Equal(HttpMethod.Put, a.Method);
            Assert.Equal(first.Uri, a.Uri);
            Assert.Equal("application/json", a.ContentType);
            Assert.Equal(Conversation, a.ConversationId);
        });
    }

    [Fact]
    public async Task Retries_a_transport_failure()
    {
        var connector = new ScriptedConnector(_time, Fail(), Answer(HttpStatusCode.OK));

        await _time.RunAsync(Client(connector).Send(), Step, TimeSpan.FromMinutes(1));

        Assert.Equal(2, connector.Attempts.Count);
    }

    [Fact]
    public async Task Retries_an_attempt_that_timed_out()
    {
        _options.AttemptTimeout = TimeSpan.FromSeconds(10);
        var connector = new ScriptedConnector(_time, Hang(), Answer(HttpStatusCode.OK));

        await _time.RunAsync(Client(connector).Send(), Step, TimeSpan.FromMinutes(1));

        Assert.Equal(2, connector.Attempts.Count);
        Assert.True(connector.Attempts[1].At >= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_for_a_retry()
    {
        var connector = new ScriptedConnector(_time, Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(30)), Answer(HttpStatusCode.OK));
        using var cancel = new CancellationTokenSource();

        var send = Client(connector).Send(cancel.Token);
        _time.AdvanceInline(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        await Cancelled(send);
        _time.AdvanceInline(TimeSpan.FromMinutes(1));
        Assert.Single(connector.Attempts);
    }

    [Fact]
    public async Task Logs_each_retry_with_status_attempt_and_delay_but_never_the_token()
    {
        var log = new ListLogger<ConnectorRetryHandler>();
        var connector = new ScriptedConnector(_time, Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(2)), Answer(HttpStatusCode.OK));
        var client = Client(connector, log: log);

        await _time.RunAsync(client.Send(), Step, TimeSpan.FromMinutes(1));

        var line = Assert.Single(log.Lines);
        Assert.Equal($"Warning: Connector POST {ServiceUrl}v3/conversations/19%3Aabc%40thread.tacv2/activities answered 429; retry 1 of 5 in 00:00:02", line);
        Assert.Equal("secret-token", connector.Attempts[1].Authorization?.Parameter);
        Assert.DoesNotContain("secret-token", line, StringComparison.Ordinal);
    }


    private ConnectorClient Client(ScriptedConnector connector, ListLogger<ConnectorRetryHandler>? log = null) =>
        Create(_time, _options, connector, log: log);
}
