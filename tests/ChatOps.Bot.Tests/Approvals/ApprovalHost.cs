using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Conversations;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Incidents;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Approvals;

/// <summary>Drives approvals through the bot's HTTP endpoint as Teams would: people, their tenant, their clicks.</summary>
internal sealed class ApprovalHost(BotHost host)
{
    public const string ContosoTenant = "00000000-0000-0000-0000-0000000000001";
    public static readonly Actor Alex = new(DeclareTests.Alex, "Alex Wilber", ContosoTenant);
    public static readonly Actor Megan = new(DeclareTests.Megan, "Megan Bowen", ContosoTenant);
    public static readonly Actor Adele = new("00000000-0000-0000-0000-0000000000022", "Adele Vance", ContosoTenant);

    private readonly DeclareTests _declare = new(host);

    public IIncidentStore Store => host.Services.GetRequiredService<IIncidentStore>();

    public async Task<(string Id, string Thread)> OpenAsync(string title)
    {
        var id = await _declare.DeclareAsync(title);
        return (id, (await Store.GetAsync(id, default))!.Incident.Channel!.ConversationId);
    }

    /// <summary>Submits the proposal form (as Alex, the responder) and returns the invoke's card and the stored request id.</summary>
    public async Task<string> SubmitAsync(string incidentId, string? point, string rollback = "Re-enable the port; restore the snapshot", string? requestId = null)
    {
        var data = new JsonObject
        {
            ["verb"] = "approval.submit", ["incidentId"] = incidentId, ["pointId"] = point, ["requestId"] = requestId,
            ["action"] = "Isolate web-01", ["systems"] = "web-01", ["risk"] = "Site offline", ["rollback"] = rollback,
            ["impact"] = "30 min downtime", ["window"] = requestId is null ? "Tonight 22:00" : "Saturday 02:00",
        };
        return await InvokeAsync(Alex, data);
    }

    public Task<string> DecideAsync(Actor who, string incidentId, string requestId, string hash, string decision, string? comment = null) =>
        InvokeAsync(who, new JsonObject
        {
            ["verb"] = "approval.decide", ["incidentId"] = incidentId, ["requestId"] = requestId, ["proposalHash"] = hash, ["decision"] = decision, ["comment"] = comment,
        });

    public Task<string> RefreshAsync(Actor who, string incidentId, string requestId) =>
        InvokeAsync(who, new JsonObject { ["verb"] = "approval.refresh", ["incidentId"] = incidentId, ["requestId"] = requestId });

    /// <summary>The card answered to the clicker (the invoke response's value), as JSON text.</summary>
    public async Task<string> InvokeAsync(Actor who, JsonObject data)
    {
        var response = await host.PostAsync(As(who, TeamsActivities.Execute(host.Connector.ServiceUrl, data)));
        return Readable(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("value").GetRawText());
    }

    /// <summary>JSON as a person reads it: without the escapes (<c>\u0027</c>, <c>\u003C</c>) the wire uses.</summary>
    public static string Readable(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public JsonObject InThread(string thread, string text, Actor who)
    {
        var activity = As(who, TeamsActivities.ChannelMessage(host.Connector.ServiceUrl, text, mention: true));
        activity["conversation"]!["id"] = thread;
        return activity;
    }

    public static JsonObject As(Actor who, JsonObject activity)
    {
        activity["from"] = new JsonObject { ["id"] = "29:" + who.AadObjectId, ["name"] = who.Name, ["aadObjectId"] = who.AadObjectId };
        activity["conversation"]!["tenantId"] = who.TenantId;
        activity["channelData"]!["tenant"] = new JsonObject { ["id"] = who.TenantId };
        return activity;
    }
}

internal sealed record Actor(string AadObjectId, string Name, string TenantId)
{
    public Actor InTenant(string tenantId) => this with { TenantId = tenantId };
}
