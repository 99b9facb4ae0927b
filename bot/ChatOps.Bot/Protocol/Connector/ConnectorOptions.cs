using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Protocol.Connector;

/// <summary>How the bot calls the Bot Connector (section Bot:Connector).</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Bot:Connector";

    /// <summary>URL prefixes a token may be sent to, besides those vouched for by inbound tokens.</summary>
    public string[] TrustedServiceUrls { get; set; } = ["https://*.botframework.com/", "https://smba.trafficmanager.net/", "https://*.trafficmanager.net/"];

    public ConnectorCredential Credential { get; set; } = ConnectorCredential.ClientSecret;

    /// <summary>The app's client secret, from the environment or Key Vault (never appsettings).</summary>
    [DataType(DataType.Password)]
    public string? ClientSecret { get; set; }

    /// <summary>A user-assigned managed identity's client id; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Required, Url]
    public string Authority { get; set; } = "https://login.microsoftonline.com/";

    [Required]
    public string Scope { get; set; } = "https://api.botframework.com/.default";

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take once it leaves the rate-limit queue; a timed-out attempt is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum ConnectorCredential
{
    /// <summary>No token at all: only for the local Agents Playground, refused outside Development.</summary>
    None,
    ClientSecret,
    ManagedIdentity,
}
