using System.Security.Cryptography;
using ChatOps.Benchmarks.Load;
using ChatOps.Cards.Adaptive;
using ChatOps.Testing;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Benchmarks.Sdk;

/// <summary>
/// The click both bots answer: Teams' <c>adaptiveCard/action</c> invoke from the help card's language switch
/// (verb <c>help.show</c>, which answers with a card and touches no incident), and tokens that must be refused.
/// </summary>
internal static class CardClick
{
    /// <summary>Signed clicks with fresh activity ids; the token is signed once, before any load.</summary>
    public static SignedActivities Activities(BenchmarkRig rig) =>
        new(rig.Issuer, rig.Connector.ServiceUrl, "click" + RandomNumberGenerator.GetHexString(8, lowercase: true), rig.Time, Template);

    /// <summary>Forgeries with otherwise valid claims (audience, issuer, serviceurl, lifetime): both bots must answer 401.</summary>
    public static IReadOnlyList<(string Forgery, string Token)> ForgedTokens(BenchmarkRig rig)
    {
        var spec = new TokenSpec(SignedActivities.AppId, rig.Connector.ServiceUrl, rig.Time.GetUtcNow());
        var impostor = new RsaSecurityKey(RSA.Create(2048)) { KeyId = rig.Issuer.CurrentKey.KeyId };
        return
        [
            ("RS256 by another key under the channel key's id", rig.Issuer.CreateToken(spec with { Key = impostor })),
            ("alg none", rig.Issuer.CreateUnsignedToken(spec)),
            ("HS256 with the channel's public key as the secret", rig.Issuer.CreateHmacWithPublicKeyToken(spec)),
        ];
    }

    /// <summary>As Teams sends it when "English" is clicked on the Chinese help card.</summary>
    private static object Template(string serviceUrl, DateTimeOffset now) => new
    {
        name = "adaptiveCard/action",
        type = "invoke",
        timestamp = now,
        localTimestamp = now.ToOffset(TimeSpan.FromHours(8)),
        id = SignedActivities.IdPlaceholder,
        channelId = "msteams",
        serviceUrl,
        from = new { id = "29:1benchUserId-kW3bq8Jd0x-aZ9fPq7Lm2Nn4Rr6Tt8Vv", name = "Alex Wilber", aadObjectId = "00000000-0000-0000-0000-000000000020" },
        conversation = new { conversationType = "personal", tenantId = SignedActivities.TenantId, id = SignedActivities.ConversationId },
        recipient = new { id = "28:" + SignedActivities.AppId, name = "ChatOps" },
        entities = new object[] { new { locale = "en-US", country = "US", platform = "Web", timezone = "Asia/Shanghai", type = "clientInfo" } },
        channelData = new { tenant = new { id = SignedActivities.TenantId }, source = new { name = "message" }, legacy = new { replyToId = "1:1bench-help-card" } },
        replyToId = "1795374020137",
        value = new
        {
            action = new { type = "Action.Execute", title = "English", verb = ShowHelp.Name, data = new { verb = ShowHelp.Name, language = "en-US" } },
            trigger = "manual",
        },
        locale = "en-US",
        localTimezone = "Asia/Shanghai",
    };
}
