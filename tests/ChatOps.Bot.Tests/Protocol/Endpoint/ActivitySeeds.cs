using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using static ChatOps.Bot.Tests.Approvals.ApprovalHost;

namespace ChatOps.Bot.Tests.Protocol.Endpoint;

/// <summary>Valid activities of every kind the bot really receives, aimed at the fuzz scene: what the mutations start from.</summary>
internal static class ActivitySeeds
{
    public static readonly IReadOnlyList<(string Name, Func<FuzzScene, JsonObject> Build)> All =
    [
        ("help in a personal chat", s => As(Alex, TeamsActivities.Message(s.ServiceUrl, "help"))),
        ("declare in a personal chat", s => As(Alex, TeamsActivities.Message(s.ServiceUrl, "declare P3 webshell client=contoso \"Fuzz\""))),
        ("oncall in a personal chat", s => As(Alex, TeamsActivities.Message(s.ServiceUrl, "oncall"))),
        ("status in the thread", s => InThread(s, "status", mention: true)),
        ("note in the thread", s => InThread(s, "note checked the **logs** <b>again</b>", mention: true)),
        ("evidence in the thread", s => InThread(s, "evidence", mention: true)),
        ("approvals in the thread", s => InThread(s, "approvals", mention: true)),
        ("a post in the thread", s => InThread(s, "just chatting", mention: false)),
        ("help in a general channel", s => As(Alex, TeamsActivities.ChannelMessage(s.ServiceUrl, "help", mention: true))),
        ("an edit in the thread", s => Event(InThread(s, "edited text", mention: false), "messageUpdate", "editMessage")),
        ("a delete in the thread", s => Event(InThread(s, "", mention: false), "messageDelete", "softDeleteMessage")),
        ("the bot added to a team", s => MembersAdded(s)),
        ("a channel created", s => Event(As(Alex, TeamsActivities.ChannelMessage(s.ServiceUrl, "", mention: false)), "conversationUpdate", "channelCreated")),
        ("the app installed", s => As(Alex, TeamsActivities.Installation(s.ServiceUrl))),
        ("a reaction", s => Event(InThread(s, "", mention: false), "messageReaction", null)),
        ("help.show click", s => Click(s, Alex, new() { ["verb"] = "help.show", ["language"] = "zh-CN" })),
        ("checklist.set click", s => Click(s, Alex, new() { ["verb"] = "checklist.set", ["incidentId"] = s.IncidentId, ["pointId"] = "CP-01", ["from"] = "Open", ["to"] = "InProgress", ["reason.CP-01"] = "why" })),
        ("phase.advance click", s => Click(s, Alex, new() { ["verb"] = "phase.advance", ["incidentId"] = s.IncidentId, ["phase"] = "preparation" })),
        ("approval.decide click", s => Click(s, Megan, new() { ["verb"] = "approval.decide", ["incidentId"] = s.IncidentId, ["requestId"] = "APR-01", ["proposalHash"] = s.ApprovalHash, ["decision"] = "RequestChanges", ["comment"] = "Not yet" })),
        ("approval.refresh", s => Click(s, Adele, new() { ["verb"] = "approval.refresh", ["incidentId"] = s.IncidentId, ["requestId"] = "APR-01" })),
        ("approval.submit click", s => Click(s, Alex, new()
        {
            ["verb"] = "approval.submit", ["incidentId"] = s.IncidentId, ["pointId"] = "CP-10", ["action"] = "Block 203.0.113.7", ["systems"] = "fw-1",
            ["risk"] = "None", ["rollback"] = "Remove the rule", ["impact"] = "None", ["window"] = "Now",
        })),
        ("evidence.add click", s => Click(s, Alex, new()
        {
            ["verb"] = "evidence.add", ["incidentId"] = s.IncidentId, ["formId"] = "form-1", ["kind"] = "Log", ["item"] = "Access logs", ["source"] = "web-01",
            ["collectedBy"] = "", ["collectedDate"] = "2026-11-23", ["collectedTime"] = "10:00", ["sha256"] = new string('a', 64), ["location"] = "Locker B",
        })),
        ("summary.submit click", s => Click(s, Alex, new() { ["verb"] = "summary.submit", ["incidentId"] = s.IncidentId, ["cause"] = "Unpatched CMS", ["followUps"] = "- Patch" })),
        ("report.view click", s => Click(s, Megan, new() { ["verb"] = "report.view", ["incidentId"] = s.IncidentId, ["version"] = 1 })),
        ("report.review click", s => Click(s, Megan, new() { ["verb"] = "report.review", ["incidentId"] = s.IncidentId, ["version"] = 1, ["decision"] = "Confirm", ["reportComment"] = "ok" })),
        ("page.ack click", s => Click(s, Alex, new() { ["verb"] = "page.ack", ["incidentId"] = s.IncidentId, ["pageId"] = "PG-01" })),
        ("incident.declare form", s => Click(s, Alex, new()
        {
            ["verb"] = "incident.declare", ["declarationId"] = "decl-1", ["client"] = "contoso", ["type"] = "webshell", ["severity"] = "P3", ["title"] = "Form fuzz",
        })),
        ("an Action.Submit fallback", s => Submit(s, new() { ["verb"] = "help.show", ["language"] = "en" })),
    ];

    private static JsonObject InThread(FuzzScene scene, string text, bool mention)
    {
        var activity = As(Alex, TeamsActivities.ChannelMessage(scene.ServiceUrl, text, mention));
        activity["conversation"]!["id"] = scene.Thread;
        return activity;
    }

    private static JsonObject Event(JsonObject activity, string type, string? eventType)
    {
        activity["type"] = type;
        if (eventType is not null)
            activity["channelData"]!["eventType"] = eventType;
        if (type == "messageReaction")
            activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
        return activity;
    }

    private static JsonObject MembersAdded(FuzzScene scene)
    {
        var activity = Event(As(Alex, TeamsActivities.ChannelMessage(scene.ServiceUrl, "", mention: false)), "conversationUpdate", "teamMemberAdded");
        activity.Remove("text");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsActivities.BotId });
        activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2", ["name"] = "Contoso IR" };
        return activity;
    }

    private static JsonObject Click(FuzzScene scene, Actor who, JsonObject data) => As(who, TeamsActivities.Execute(scene.ServiceUrl, data));

    private static JsonObject Submit(FuzzScene scene, JsonObject data)
    {
        var activity = As(Alex, TeamsActivities.Message(scene.ServiceUrl, ""));
        activity.Remove("text");
        activity["value"] = data;
        return activity;
    }
}
