using ChatOps.Bot.Conversations;
using ChatOps.Bot.Conversations.IncidentChannels;
using ChatOps.Bot.Incidents;
using ChatOps.Cards.Approvals;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Approvals;

/// <summary>
/// <c>audit</c>: the approvals record for the client, as CSV and JSON files behind expiring read-only links, and a
/// card with the counts, the chain's verification and head hash. Both files are stored before anything is posted.
/// </summary>
internal sealed class AuditCommand(IIncidentStore store, IExportStore exports, TimeProvider time, ILogger<AuditCommand> log) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        if (context.Client is not { } client)
        {
            await turn.SendTextAsync(CardText.Format("Audit.NoClient", turn.Language, context.Incident.Id), ct);
            return;
        }
        // The links open the record to whoever holds them until they expire: only the team and the client's approvers get them.
        if (!ResponseTeam.Includes(context.Incident, client, turn.Sender) && !client.MayDecide(turn.Sender.AadObjectId, turn.TenantId))
        {
            await turn.SendTextAsync(CardText.Get("Audit.NotAllowed", turn.Language), ct);
            return;
        }
        var timeline = await store.ReadTimelineAsync(context.Incident.Id, ct);
        var export = AuditExport.Build(context.Incident, timeline, client, time.GetUtcNow());
        ExportLink csv, json;
        try
        {
            csv = await exports.SaveAsync(export.IncidentId, export.FileName("csv"), AuditExport.CsvType, export.Csv, ct);
            json = await exports.SaveAsync(export.IncidentId, export.FileName("json"), AuditExport.JsonType, export.Json, ct);
        }
        catch (ExportUnavailableException e)
        {
            log.LogWarning(e, "Could not store the audit export of {IncidentId}", export.IncidentId);
            await turn.SendTextAsync(CardText.Get("Audit.StorageFailed", turn.Language), ct);
            return;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone);
        await turn.SendCardAsync(AuditCard.Build(export, csv, json, zone, turn.Language), ct);
    }
}
