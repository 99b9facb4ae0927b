using System.Text.Json.Serialization;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Incidents.Reports;

/// <summary>
/// What only people know, captured in the Summary phase for the report (seed 000 §6.2.1–6.2.2: cause, phenomena, damage,
/// loss, recommendations, legal implications; seed 004 step 7: phenomena, process, results, cause, recommendations).
/// </summary>
public enum SummaryField
{
    /// <summary>事件现象: what was observed.</summary>
    Phenomenon,
    /// <summary>事件发生原因: the root cause.</summary>
    Cause,
    /// <summary>入侵途径: how the attacker got in.</summary>
    IntrusionPath,
    /// <summary>系统的损害程度: damage to systems and data.</summary>
    Damage,
    /// <summary>事件损失估计: the estimated loss.</summary>
    LossEstimate,
    /// <summary>安全建议和意见: recommendations, one per line.</summary>
    Recommendations,
    /// <summary>法律诉讼的需求或影响: legal requirements or implications.</summary>
    LegalImplications,
    /// <summary>后续行动: follow-up actions, one per line, posted when the client confirms the report.</summary>
    FollowUps,
}

/// <summary>One field's current text, with who wrote it last and when (earlier texts stay on the timeline).</summary>
public sealed record SummaryEntry(SummaryField Field, string Text, Person By, DateTimeOffset At)
{
    public const int MaxLength = 4000;

    /// <summary>The non-empty lines of a list field (recommendations, follow-ups), without list markers.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Lines =>
        [.. Text.Split('\n').Select(l => l.Trim().TrimStart('-', '*', '•').Trim()).Where(l => l.Length > 0)];
}
