using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;
using ChatOps.Incidents.Reports;
using ChatOps.Incidents.Sla;
using ChatOps.Incidents.Timeline;

namespace ChatOps.Reports;

/// <summary>
/// Everything one version of the emergency response report (应急响应报告) is compiled from: the incident as stored, its
/// timeline (events after <see cref="Incident.Version"/> are left out), its playbook, client and SLA policy, the clocks'
/// calendars by id, the version asked for and the instant it is compiled (running clocks are read at that instant).
/// </summary>
public sealed record ReportInputs(
    Incident Incident, IReadOnlyList<TimelineEvent> Timeline, Playbook Playbook, Client Client,
    SlaPolicy? Sla, Func<string, BusinessCalendar> Calendars, ReportVersion Version, DateTimeOffset CompiledAt);

/// <summary>One compiled file: <c>INC-2026-0042-report-R1.zh-CN.docx</c>, its language (zh-CN, en), format (docx, md) and bytes.</summary>
public sealed record CompiledFile(string Name, string Language, string Format, string ContentType, byte[] Content);
