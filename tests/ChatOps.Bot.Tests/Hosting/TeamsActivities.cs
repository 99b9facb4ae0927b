using System.Text.Json.Nodes;

namespace ChatOps.Bot.Tests.Hosting;

/// <summary>Activities as Teams sends them (trimmed to what matters), each with a fresh id.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:4f1e5d3c-bot-app-id";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public static JsonObject Message(string serviceUrl, string text, string locale = "en-US") => new()
    {
        ["type"] = "message",
        ["id"] = NewId(),
        ["timestamp"] = "2026-11-23T10:00:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Alex Wilber", ["aadObjectId"] = "00000000-0000-0000-0000-000000000020" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = "a:personal-chat-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Incident Bot" },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = locale,
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale, ["platform"] = "Web" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    /// <summary>A message in a channel thread; with <paramref name="mention"/> it @mentions the bot first.</summary>
    public static JsonObject ChannelMessage(string serviceUrl, string text, bool mention)
    {
        var activity = Message(serviceUrl, mention ? $"<at>Incident Bot</at> {text}" : text);
        activity["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = TenantId,
            ["id"] = "19:general@thread.tacv2;messageid=1795374057520",
        };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = "19:general@thread.tacv2" },
        };
        if (mention)
        {
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>Incident Bot</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "Incident Bot" },
            });
        }
        return activity;
    }

    public static JsonObject Execute(string serviceUrl, JsonObject data, string locale = "en-US")
    {
        var activity = Message(serviceUrl, "", locale);
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "1795374020137";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Go", ["verb"] = data["verb"]?.DeepClone(), ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    public static JsonObject Installation(string serviceUrl, string action = "add")
    {
        var activity = Message(serviceUrl, "");
        activity.Remove("text");
        activity["type"] = "installationUpdate";
        activity["action"] = action;
        return activity;
    }

    public static string NewId() => "f:" + Guid.NewGuid().ToString("N");
}
