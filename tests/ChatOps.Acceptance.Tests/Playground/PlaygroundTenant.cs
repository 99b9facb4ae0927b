using System.Text.Json;

namespace ChatOps.Acceptance.Tests.Playground;

/// <summary>The Playground's mock tenant, from <c>GET /_internal/v1/testConfig</c>.</summary>
internal sealed record PlaygroundTenant(string BotId, string BotName, string UserId, string PersonalChatId, string TeamId, string GeneralChannelId)
{
    public static PlaygroundTenant From(JsonElement config)
    {
        var team = config.GetProperty("teams")[0];
        return new PlaygroundTenant(
            config.GetProperty("bot").GetProperty("id").GetString()!,
            config.GetProperty("bot").GetProperty("name").GetString()!,
            config.GetProperty("currentUser").GetProperty("id").GetString()!,
            config.GetProperty("personalChat").GetProperty("id").GetString()!,
            team.GetProperty("id").GetString()!,
            team.GetProperty("channels")[0].GetProperty("id").GetString()!);
    }

    /// <summary>The text and the mention entity the Teams client sends for "@Bot": the bot sees both.</summary>
    public (string Text, object Mention) MentionOfBot()
    {
        var text = $"<at>{BotName}</at>";
        return (text, new { mentioned = new { id = BotId, name = BotName }, text });
    }
}
