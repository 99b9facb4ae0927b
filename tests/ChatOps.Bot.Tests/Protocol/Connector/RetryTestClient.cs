using System.Net.Http.Headers;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Telemetry;
using ChatOps.Bot.Tests.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static ChatOps.Bot.Tests.Protocol.Connector.FakeTimeDriver;

namespace ChatOps.Bot.Tests.Protocol.Connector;

/// <summary>A ConnectorClient over the retry and timeout handlers alone, in front of a scripted connector.</summary>
internal static class RetryTestClient
{
    public static readonly Uri ServiceUrl = new("https://smba.trafficmanager.net/emea/");
    public const string Conversation = "19:abc@thread.tacv2";
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    public static ConnectorOptions Options() =>
        new() { MaxRetries = 5, RetryBaseDelay = TimeSpan.FromSeconds(1), RetryMaxDelay = TimeSpan.FromSeconds(60) };

    public static ConnectorClient Create(
        FakeTimeProvider time, ConnectorOptions settings, ScriptedConnector connector, Random? random = null, ILogger<ConnectorRetryHandler>? log = null,
        ChatOpsMetrics? metrics = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(settings);
        var retry = new ConnectorRetryHandler(options, new ConnectorBackoff(options, time, random ?? new Random(7)), time, metrics ?? TestMetrics.New(),
            log ?? NullLogger<ConnectorRetryHandler>.Instance)
        {
            InnerHandler = new ConnectorTimeoutHandler(options, time) { InnerHandler = connector },
        };
        var http = new HttpClient(retry) { Timeout = Timeout.InfiniteTimeSpan };
        // Stands in for a header set before the retry handler: it must reach every attempt, and never a log.
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret-token");
        return new ConnectorClient(http);
    }

    public static Task<ResourceResponse> Send(this ConnectorClient client, CancellationToken ct = default) =>
        Start(() => client.SendAsync(ServiceUrl, Conversation, Message(), ct));

    public static Activity Message() => new() { Type = ActivityTypes.Message, Text = "Hello there" };
}
