using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Protocol.Authentication;

/// <summary>The bot's Entra app registration (section Bot).</summary>
public sealed class BotIdentityOptions
{
    public const string Section = "Bot";

    /// <summary>The Microsoft App ID: the audience of inbound tokens and the client id of outbound ones.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AppId { get; set; } = "";

    /// <summary>A single-tenant bot's tenant; empty for a multi-tenant bot (tokens from botframework.com).</summary>
    public string? TenantId { get; set; }
}
