using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Incidents.Incidents;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Reports;

/// <summary>An incident walked to its Summary phase through the store (the earlier phases are tested elsewhere), then driven over HTTP.</summary>
internal sealed class ReportHost(BotHost host)
{
    public ApprovalHost Incidents { get; } = new(host);

    public async Task<(string Id, string Thread)> InSummaryAsync(string title)
    {
        var (id, thread) = await Incidents.OpenAsync(title);
        await WalkToSummaryAsync(id);
        return (id, thread);
    }

    /// <param name="intoSummary">False stops with Recovery done but not closed, for a test to close it.</param>
    public async Task WalkToSummaryAsync(string id, bool intoSummary = true)
    {
        var stored = (await Incidents.Store.GetAsync(id, default))!;
        var playbook = host.Services.GetRequiredService<PlaybookCatalog>().Get(stored.Incident.PlaybookId);
        var events = ChatOps.Testing.IncidentWalk.ToSummary(stored.Incident, playbook, TimeProvider.System.GetUtcNow(), intoSummary);
        await Incidents.Store.SaveAsync(stored, events, default);
    }

    /// <summary>Posts a command in the thread and returns the bot's answer to it.</summary>
    public async Task<string> SayAsync(string thread, string text, Actor who)
    {
        var activity = Incidents.InThread(thread, text, who);
        await host.PostAsync(activity);
        var answer = await host.Connector.WaitForAsync(r => r.Body.Contains((string)activity["id"]!, StringComparison.Ordinal));
        return ApprovalHost.Readable(answer.Body);
    }

    public async Task<Incident> WaitForAsync(string id, Func<Incident, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var incident = (await Incidents.Store.GetAsync(id, default))!.Incident;
            if (done(incident))
                return incident;
            Assert.False(timeout.IsCancellationRequested, $"{id} did not get there within 30 s");
            await Task.Delay(100);
        }
    }

    public Task<string> ReviewAsync(Actor who, string id, int version, string decision, string? comment = null) =>
        Incidents.InvokeAsync(who, new JsonObject
        {
            ["verb"] = "report.review", ["incidentId"] = id, ["version"] = version, ["decision"] = decision, ["reportComment"] = comment,
        });

    public Task<string> ViewAsync(Actor who, string id, int version) =>
        Incidents.InvokeAsync(who, new JsonObject { ["verb"] = "report.view", ["incidentId"] = id, ["version"] = version });

    /// <summary>The download links (Action.OpenUrl) of a report card.</summary>
    public static IReadOnlyList<Uri> Links(string card) =>
        !JsonDocument.Parse(card).RootElement.TryGetProperty("actions", out var actions) ? [] : [.. actions.EnumerateArray()
            .Where(a => a.GetProperty("type").GetString() == "Action.OpenUrl").Select(a => new Uri(a.GetProperty("url").GetString()!))];
}
