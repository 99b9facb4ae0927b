using System.Text.Json.Serialization;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Incidents.Reports;

/// <summary>
/// One version of the emergency response report (应急响应报告): requested, compiled and delivered as files, then
/// confirmed by the client or sent back with their feedback (seed 004 step 7). Every version is kept.
/// </summary>
public sealed class ReportVersion
{
    [JsonConstructor]
    internal ReportVersion() { }

    internal ReportVersion(int number, IReadOnlyList<string> languages, Person by, DateTimeOffset now)
    {
        Number = number;
        Languages = [.. languages];
        RequestedBy = by;
        RequestedAt = now;
    }

    [JsonInclude] public int Number { get; private set; }
    /// <summary>The languages it is written in: zh-CN, en, or both.</summary>
    [JsonInclude] public List<string> Languages { get; private set; } = [];
    [JsonInclude] public Person RequestedBy { get; private set; } = null!;
    [JsonInclude] public DateTimeOffset RequestedAt { get; private set; }
    [JsonInclude] public ReportStatus Status { get; internal set; }
    [JsonInclude] public List<ReportFile> Files { get; internal set; } = [];
    /// <summary>The timeline head and length the report was compiled from (its appendix verifies them).</summary>
    [JsonInclude] public string? TimelineHead { get; internal set; }
    [JsonInclude] public long Sequence { get; internal set; }
    [JsonInclude] public DateTimeOffset? DeliveredAt { get; internal set; }
    [JsonInclude] public ReportReview? Review { get; internal set; }
    /// <summary>The report card's message in the incident channel (where it is, not what happened).</summary>
    [JsonInclude] public string? CardActivityId { get; internal set; }

    [JsonIgnore] public string Label => $"R{Number}";
}

public enum ReportStatus
{
    Compiling,
    Delivered,
    Confirmed,
    ChangesRequested,
    /// <summary>A later version was requested before this one was confirmed.</summary>
    Superseded,
}

/// <summary>One stored file of a version: DOCX or Markdown in one language, with its SHA-256.</summary>
public sealed record ReportFile(string Name, string Language, string Format, string ContentType, long Size, string Sha256);

public enum ReportReviewKind
{
    Confirm,
    RequestChanges,
}

/// <summary>The client's answer to a delivered version.</summary>
public sealed record ReportReview(ReportReviewKind Kind, Person By, string TenantId, string? Comment, DateTimeOffset At);
