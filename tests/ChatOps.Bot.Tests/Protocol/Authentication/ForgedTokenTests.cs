using System.Net;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Testing;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Bot.Tests.Protocol.Authentication;

public sealed class ForgedTokenTests(BotHost host) : IClassFixture<BotHost>
{
    public static TheoryData<string> Forgeries =>
    [
        "no header", "garbage", "expired", "not yet valid", "wrong issuer", "wrong audience", "alg none",
        "HS256 signed with the public key", "unknown kid", "signed by another key under a known kid",
        "endorsements lacking the channel", "serviceurl mismatch",
    ];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_gets_401_with_nothing_stored_and_nothing_sent(string forgery)
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var id = (string)activity["id"]!;

        var response = await host.PostAsync(activity, Forge(forgery));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(await host.WasRecordedAsync(id));
        Assert.DoesNotContain(host.Connector.Requests, r => r.Body.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_the_turn_answered()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, "help");
        var id = (string)activity["id"]!;

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await host.WasRecordedAsync(id));
        await host.Connector.WaitForAsync(r => r.Body.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_signed_with_a_newly_rotated_key_is_accepted_after_one_metadata_refresh()
    {
        await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, "help"));
        var fetchesBefore = host.Issuer.MetadataFetches;
        var previous = host.Issuer.CurrentKey;
        host.Issuer.Rotate();
        try
        {
            var response = await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, "help"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(fetchesBefore + 1, host.Issuer.MetadataFetches);
        }
        finally
        {
            host.Issuer.Rotate();
            Assert.NotEqual(previous.KeyId, host.Issuer.CurrentKey.KeyId);
        }
    }

    private string? Forge(string forgery)
    {
        var now = TimeProvider.System.GetUtcNow();
        var valid = new TokenSpec(BotHost.AppId, host.Connector.ServiceUrl, now);
        return forgery switch
        {
            "no header" => null,
            "garbage" => "not-a.jwt-at-all",
            "expired" => host.Issuer.CreateToken(valid with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-6) }),
            "not yet valid" => host.Issuer.CreateToken(valid with { NotBefore = now.AddMinutes(6), Expires = now.AddHours(1) }),
            "wrong issuer" => host.Issuer.CreateToken(valid with { Issuer = "https://sts.evil.example/" }),
            "wrong audience" => host.Issuer.CreateToken(valid with { Audience = "another-bot" }),
            "alg none" => host.Issuer.CreateUnsignedToken(valid),
            "HS256 signed with the public key" => host.Issuer.CreateHmacWithPublicKeyToken(valid),
            "unknown kid" => host.Issuer.CreateToken(valid with { Key = FakeOpenIdIssuer.UnpublishedKey() }),
            "signed by another key under a known kid" => host.Issuer.CreateToken(valid with { Key = Impostor(host.Issuer.CurrentKey.KeyId!) }),
            "endorsements lacking the channel" => host.Issuer.CreateToken(valid with { Key = host.Issuer.Publish("skype", "webchat") }),
            "serviceurl mismatch" => host.Issuer.CreateToken(valid with { ServiceUrl = "https://smba.evil.example/amer/" }),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
    }

    private static RsaSecurityKey Impostor(string kid)
    {
        var key = FakeOpenIdIssuer.UnpublishedKey();
        key.KeyId = kid;
        return key;
    }
}
