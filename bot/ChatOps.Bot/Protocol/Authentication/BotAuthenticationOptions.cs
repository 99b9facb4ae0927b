using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Protocol.Authentication;

/// <summary>How inbound activities prove they come from the Bot Framework channel service (section Bot:Authentication).</summary>
public sealed class BotAuthenticationOptions
{
    public const string Section = "Bot:Authentication";

    /// <summary>Off only in Development, for the Agents Playground; the host refuses to start with it off elsewhere.</summary>
    public bool Enabled { get; set; } = true;

    [Required, Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    [MinLength(1)]
    public string[] ValidIssuers { get; set; } = ["https://api.botframework.com"];

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Signing keys are fetched again after this long.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A token with an unknown key id fetches the keys again, at most this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tokens from the Bot Framework Emulator / Entra ID issuers; accepted only when enabled.</summary>
    public EmulatorAuthenticationOptions Emulator { get; set; } = new();
}

public sealed class EmulatorAuthenticationOptions
{
    public bool Enabled { get; set; }

    [Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    public string[] ValidIssuers { get; set; } =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];
}
