using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Teams;

/// <summary>Microsoft Graph, for incident channels: creating, counting and archiving them (section Graph).</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    [Required, Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0/";

    [Required]
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>From this many channels in a client's team the provider is warned: Teams allows 1,000, deleted ones included for 30 days.</summary>
    [Range(1, ChannelLimitWatch.TeamsLimit)]
    public int ChannelWarningThreshold { get; set; } = 900;
}
