using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Teams;

/// <summary>Microsoft Graph, for creating incident channels (section Graph).</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    [Required, Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0/";

    [Required]
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";
}
