using System.Net;
using System.Text;
using ChatOps.Bot.Protocol.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Protocol.Authentication;

public sealed class OpenIdKeySourceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly MetadataEndpoint _endpoint = new();

    private OpenIdKeySource Source() => new(new HttpClient(_endpoint), new Uri("https://login.example/v1/.well-known/openidconfiguration"),
        lifetime: TimeSpan.FromHours(24), unknownKeyInterval: TimeSpan.FromMinutes(1), _time);

    [Fact]
    public async Task Keys_are_fetched_once_and_reused_for_a_day()
    {
        var source = Source();

        Assert.NotNull(await source.FindAsync("k1", default));
        _time.Advance(TimeSpan.FromHours(23));
        Assert.NotNull(await source.FindAsync("k1", default));
        Assert.Equal(1, _endpoint.MetadataFetches);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.NotNull(await source.FindAsync("k1", default));
        Assert.Equal(2, _endpoint.MetadataFetches);
    }

    [Fact]
    public async Task An_unknown_key_id_refetches_at_most_once_a_minute()
    {
        var source = Source();
        await source.FindAsync("k1", default);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(await source.FindAsync("forged", default));
        Assert.Null(await source.FindAsync("forged-again", default));
        Assert.Equal(1, _endpoint.MetadataFetches);

        _time.Advance(TimeSpan.FromSeconds(31));
        _endpoint.KeyIds = ["k1", "k2"];
        Assert.NotNull(await source.FindAsync("k2", default));
        Assert.Equal(2, _endpoint.MetadataFetches);
    }

    [Fact]
    public async Task Endorsements_are_read_per_key()
    {
        var key = await Source().FindAsync("k1", default);

        Assert.True(key!.IsEndorsedFor("msteams"));
        Assert.False(key.IsEndorsedFor("skype"));
        Assert.False(key.IsEndorsedFor(null));
    }

    private sealed class MetadataEndpoint : HttpMessageHandler
    {
        private static readonly string Modulus = Convert.ToBase64String(System.Security.Cryptography.RSA.Create(2048).ExportParameters(false).Modulus!)
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public int MetadataFetches { get; private set; }

        public string[] KeyIds { get; set; } = ["k1"];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            string body;
            if (request.RequestUri!.AbsolutePath.EndsWith("openidconfiguration", StringComparison.Ordinal))
            {
                MetadataFetches++;
                body = """{"issuer":"https://api.botframework.com","jwks_uri":"https://login.example/v1/keys"}""";
            }
            else
            {
                body = "{\"keys\":[" + string.Join(",", KeyIds.Select(k =>
                    $$"""{"kty":"RSA","use":"sig","kid":"{{k}}","n":"{{Modulus}}","e":"AQAB","endorsements":["msteams"]}""")) + "]}";
            }
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
