using System.Net;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Telemetry;
using ChatOps.Bot.Tests.Protocol.Connector;
using Microsoft.Extensions.Time.Testing;
using static ChatOps.Bot.Tests.Protocol.Connector.FakeTimeDriver;
using static ChatOps.Bot.Tests.Protocol.Connector.ScriptedConnector;

namespace ChatOps.Bot.Tests.Telemetry;

public sealed class OutboundMetricsTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly System.Diagnostics.Metrics.IMeterFactory _meters = TestMetrics.NewFactory();
    private readonly MetricRecorder _recorded;

    public OutboundMetricsTests() => _recorded = new MetricRecorder(_meters);

    [Fact]
    public async Task A_429_then_200_counts_one_retry_and_one_throttled_answer_of_the_connector()
    {
        var connector = new ScriptedConnector(_time, Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(2)), Answer(HttpStatusCode.OK));
        var client = RetryTestClient.Create(_time, RetryTestClient.Options(), connector, metrics: new ChatOpsMetrics(_meters));

        await _time.RunAsync(client.Send(), RetryTestClient.Step, TimeSpan.FromMinutes(1));

        var retry = Assert.Single(_recorded.Of("chatops.outbound.retries"));
        Assert.Equal((1d, "connector", 429), (retry.Value, retry["chatops.outbound.target"], retry["http.response.status_code"]));
        var throttled = Assert.Single(_recorded.Of("chatops.outbound.throttled"));
        Assert.Equal((1d, "connector"), (throttled.Value, throttled["chatops.outbound.target"]));
    }

    [Fact]
    public async Task A_transport_failure_and_a_502_count_as_retries_and_a_last_429_that_is_not_retried_still_counts_as_throttled()
    {
        var settings = RetryTestClient.Options();
        settings.MaxRetries = 2;
        var connector = new ScriptedConnector(_time, Fail(), Answer(HttpStatusCode.BadGateway), Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1)));
        var client = RetryTestClient.Create(_time, settings, connector, metrics: new ChatOpsMetrics(_meters));

        await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(client.Send(), RetryTestClient.Step, TimeSpan.FromMinutes(1)));

        Assert.Equal(
            [("System.Net.Http.HttpRequestException", null), (null, (object)502)],
            _recorded.Of("chatops.outbound.retries").Select(r => (r["error.type"], r["http.response.status_code"])));
        Assert.Single(_recorded.Of("chatops.outbound.throttled"));
    }

    public void Dispose() => _recorded.Dispose();
}
