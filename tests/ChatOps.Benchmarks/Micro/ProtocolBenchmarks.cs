using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChatOps.Benchmarks.Load;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Authentication;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Help;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Benchmarks.Micro;

/// <summary>The CPU work of one help turn, piece by piece: parse the activity, validate its token, build the reply.</summary>
[MemoryDiagnoser]
public class ProtocolBenchmarks
{
    private FakeOpenIdIssuer _issuer = null!;
    private ServiceProvider _services = null!;
    private ActivityAuthenticator _authenticator = null!;
    private Activity _activity = null!;
    private byte[] _body = null!;
    private string _authorization = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _issuer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public Activity? ParseActivity() => JsonSerializer.Deserialize(_body, ActivityJson.Default.Activity);

    [Benchmark]
    public async Task<bool> ValidateToken() => (await _authenticator.AuthenticateAsync(_authorization, _activity, CancellationToken.None)).IsAuthenticated;

    /// <summary>100 validations on as many threads as the machine has cores, as under load.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public Task ValidateToken_100_concurrently() =>
        Parallel.ForAsync(0, 100, async (_, ct) => await _authenticator.AuthenticateAsync(_authorization, _activity, ct));

    [Benchmark]
    public byte[] BuildHelpReply()
    {
        var card = HelpCard.Build(CultureInfo.GetCultureInfo("en-US"), ["help"]);
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            From = _activity.Recipient,
            Recipient = _activity.From,
            Conversation = _activity.Conversation,
            ReplyToId = _activity.Id,
            Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = CardJson.ToElement(card) }],
        };
        return JsonSerializer.SerializeToUtf8Bytes(reply, ActivityJson.Default.Activity);
    }

    private async Task SetupAsync()
    {
        _issuer = await FakeOpenIdIssuer.StartAsync();
        const string serviceUrl = "https://smba.trafficmanager.net/amer/";
        var activities = new SignedActivities(_issuer, serviceUrl, "micro", TimeProvider.System);
        using var request = activities.NextRequest(new Uri("http://127.0.0.1/api/messages"));
        _body = await request.Content!.ReadAsByteArrayAsync();
        _authorization = request.Headers.Authorization!.ToString();
        _activity = JsonSerializer.Deserialize(_body, ActivityJson.Default.Activity)!;

        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        _authenticator = new ActivityAuthenticator(
            Options.Create(new BotAuthenticationOptions { OpenIdMetadataUrl = _issuer.MetadataUrl.AbsoluteUri }),
            Options.Create(new BotIdentityOptions { AppId = SignedActivities.AppId }),
            _services.GetRequiredService<IHttpClientFactory>(),
            TimeProvider.System);
        if (!await ValidateToken())
            throw new InvalidOperationException("The benchmark's token does not validate.");
    }
}
