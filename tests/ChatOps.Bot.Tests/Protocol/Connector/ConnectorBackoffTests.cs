using System.Net;
using System.Net.Http.Headers;
using ChatOps.Bot.Protocol.Connector;
using Microsoft.Extensions.Time.Testing;
using static ChatOps.Bot.Tests.Protocol.Connector.RetryTestClient;
using static ChatOps.Bot.Tests.Protocol.Connector.ScriptedConnector;

namespace ChatOps.Bot.Tests.Protocol.Connector;

public sealed class ConnectorBackoffTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ConnectorOptions _options = RetryTestClient.Options();

    [Fact]
    public async Task Honours_a_Retry_After_given_as_a_date_even_beyond_the_backoff_cap()
    {
        _options.RetryMaxDelay = TimeSpan.FromSeconds(5);
        var connector = new ScriptedConnector(_time, (_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(90));
            return Task.FromResult(response);
        }, Answer(HttpStatusCode.OK));

        await _time.RunAsync(Client(connector).Send(), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));

        Assert.InRange(connector.Attempts[1].At - connector.Attempts[0].At, TimeSpan.FromSeconds(89), TimeSpan.FromSeconds(91));
    }

    [Fact]
    public async Task Backs_off_exponentially_through_502_502_504_then_succeeds()
    {
        var connector = new ScriptedConnector(_time,
            Answer(HttpStatusCode.BadGateway), Answer(HttpStatusCode.BadGateway), Answer(HttpStatusCode.GatewayTimeout), Answer(HttpStatusCode.OK));

        await _time.RunAsync(Client(connector, new FixedRandom(0.9)).Send(), Step, TimeSpan.FromMinutes(1));

        var gaps = connector.Attempts.Zip(connector.Attempts.Skip(1), (a, b) => b.At - a.At).ToArray();
        Assert.Equal(4, connector.Attempts.Count);
        // 0.9 of the ceilings 1 s, 2 s, 4 s: within bounds and growing.
        Assert.Equal([0.9, 1.8, 3.6], gaps.Select(g => Math.Round(g.TotalSeconds, 1)));
    }

    [Fact]
    public void Jittered_delays_stay_within_the_exponential_bounds_and_the_cap()
    {
        var backoff = new ConnectorBackoff(Microsoft.Extensions.Options.Options.Create(_options), _time, new Random(20261123));

        for (var retry = 1; retry <= 10; retry++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, retry - 1), 60));
            var delays = Enumerable.Range(0, 500).Select(_ => backoff.Jittered(retry)).ToArray();
            Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, ceiling));
            // Full jitter: spread over the whole range, not bunched at the ceiling.
            Assert.True(delays.Min() < ceiling * 0.1 && delays.Max() > ceiling * 0.9, $"retry {retry} is not jittered across [0, {ceiling}]");
        }
    }

    [Fact]
    public async Task Does_not_wait_for_a_Retry_After_beyond_ten_minutes()
    {
        var connector = new ScriptedConnector(_time, Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromMinutes(11)), Answer(HttpStatusCode.OK));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(Client(connector).Send(), Step, TimeSpan.FromMinutes(1)));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.Status);
        Assert.Single(connector.Attempts);
    }

    private ConnectorClient Client(ScriptedConnector connector, Random? random = null) => Create(_time, _options, connector, random);

    /// <summary>Makes jitter predictable: every draw is the same fraction of the range.</summary>
    private sealed class FixedRandom(double fraction) : Random
    {
        public override double NextDouble() => fraction;
    }
}
