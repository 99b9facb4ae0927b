using System.Globalization;
using System.Security.Cryptography;
using ChatOps.Bot.Approvals;
using ChatOps.Bot.Incidents;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Deadlines;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Reports;
using ChatOps.Reports;

namespace ChatOps.Bot.Reports;

/// <summary>
/// The compile job of one version: reads the whole record, writes DOCX and Markdown in its languages, keeps them in Blob
/// storage and records the delivery. Idempotent: a version already delivered does nothing, and files are kept under fixed
/// names, so a retry after a storage failure (the job throws; Hangfire retries it) replaces what a failed attempt left.
/// </summary>
internal sealed class ReportCompileHandler(
    ApprovalDesk desk, IIncidentStore store, IExportStore exports, ReportDesk reports, SlaCatalog sla, TimeProvider time, ILogger<ReportCompileHandler> log)
    : IDeadlineHandler
{
    public string Kind => ReportDesk.Kind;

    public async Task HandleAsync(DeadlineJob job, TimeSpan lateBy, CancellationToken ct)
    {
        var number = int.Parse(job.TargetId.AsSpan(1), CultureInfo.InvariantCulture);
        if (await desk.LoadAsync(job.IncidentId, ct) is not { } scene || scene.Incident.FindReport(number) is not { Status: ReportStatus.Compiling } report)
            return;
        scene = await reports.EnsureCardAsync(scene, report, ct);
        var language = scene.Language;
        var timeline = await store.ReadTimelineAsync(job.IncidentId, ct);
        reports.ShowEveryone(scene, report, CardText.Format("Report.Progress.Reading", language, timeline.Count));
        var compiled = ReportCompiler.Compile(new ReportInputs(
            scene.Incident, timeline, scene.Playbook, scene.Client, sla.Policy(scene.Incident.SlaPolicyId), sla.Calendar, report, time.GetUtcNow()));
        reports.ShowEveryone(scene, report, CardText.Format("Report.Progress.Storing", language, compiled.Count));
        var files = new List<ReportFile>();
        try
        {
            foreach (var file in compiled)
            {
                await exports.KeepAsync(job.IncidentId, ReportDesk.Folder(report), file.Name, file.ContentType, file.Content, ct);
                files.Add(new ReportFile(file.Name, file.Language, file.Format, file.ContentType, file.Content.LongLength, Convert.ToHexStringLower(SHA256.HashData(file.Content))));
            }
        }
        catch (ExportUnavailableException e)
        {
            log.LogWarning(e, "Could not store report {Report} of {IncidentId}; the job will be retried", report.Label, job.IncidentId);
            reports.ShowEveryone(scene, report, CardText.Get("Report.Progress.Retrying", language));
            throw;
        }
        var (head, sequence) = (scene.Incident.TimelineHead, scene.Incident.Version);
        var saved = await desk.ChangeAsync(job.IncidentId, s => s.Incident.RecordReportDelivered(number, files, head, sequence, Person.Bot, time.GetUtcNow()), ct);
        if (saved?.Incident.FindReport(number) is not { Status: ReportStatus.Delivered } delivered)
            return;
        reports.ShowEveryone(saved, delivered);
        reports.ShowIncident(saved);
        await reports.AnnounceAsync(saved, delivered, ct);
    }
}

/// <summary>Every version still compiling, so a restart compiles what it had queued.</summary>
internal sealed class ReportCompileDeadlines : IIncidentDeadlines
{
    public Task<IReadOnlyList<PendingDeadline>> PendingAsync(IReadOnlyList<Incident> open, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PendingDeadline>>([.. open
            .Where(i => i.LatestReport is { Status: ReportStatus.Compiling })
            .Select(i => new PendingDeadline(ReportDesk.Job(i.Id, i.LatestReport!), i.LatestReport!.RequestedAt))]);
}
