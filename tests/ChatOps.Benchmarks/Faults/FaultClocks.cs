using System.Globalization;
using System.Text;

namespace ChatOps.Benchmarks.Faults;

/// <summary>
/// The drill's contract clocks: the standard policy's acknowledge and first-response clocks with targets short enough
/// that every warning (50 %, 75 %) and the breach (100 %) of every incident falls due during the run, some in the middle
/// of a fault. Nothing in the load stops them, so each incident owes exactly six reminders.
/// </summary>
internal sealed record FaultClocks(TimeSpan Acknowledge, TimeSpan Respond)
{
    public static readonly int[] Percents = [50, 75, 100];

    public static FaultClocks For(TimeSpan duration) => new(duration * 0.5, duration * 0.8);

    public IReadOnlyList<DrillClock> Clocks => [new("acknowledge", "确认", "Acknowledge", Acknowledge), new("respond", "首次响应", "First response", Respond)];

    /// <summary>When the last reminder of an incident declared at <paramref name="declaredAt"/> falls due.</summary>
    public DateTimeOffset LastDue(DateTimeOffset declaredAt) => declaredAt + Clocks.Max(c => c.Target);

    /// <summary>The reminders an incident declared at <paramref name="declaredAt"/> owes by then.</summary>
    public IEnumerable<DueReminder> Due(DateTimeOffset declaredAt) =>
        Clocks.SelectMany(c => Percents.Select(p => new DueReminder(c, p, declaredAt + c.Target * p / 100)));

    /// <summary>The SLA file the bot runs with (Incidents:SlaFile): the policy every client of the drill names, "standard".</summary>
    public string SlaYaml()
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("# Written by the fault drill (tests/ChatOps.Benchmarks/Faults): targets of seconds, so that reminders fall due during the run.");
        yaml.AppendLine("policies:");
        yaml.AppendLine("  - id: standard");
        yaml.AppendLine("    name: { zh-CN: 故障演练, en: Fault drill }");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"    warnings: [{string.Join(", ", Percents)}]");
        yaml.AppendLine("    clocks:");
        foreach (var clock in Clocks)
        {
            var target = string.Create(CultureInfo.InvariantCulture, $"{(int)clock.Target.TotalSeconds}s");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"      - id: {clock.Id}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"        name: {{ zh-CN: {clock.Chinese}, en: {clock.English} }}");
            yaml.AppendLine("        calendar: 24x7");
            yaml.AppendLine(clock.Id == "acknowledge" ? "        starts: incident.declared\n        stops: incident.acknowledged" : "        starts: incident.declared\n        stops: phase.advanced from=preparation");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"        targets: {{ P1: {target}, P2: {target}, P3: {target}, P4: {target} }}");
        }
        return yaml.ToString();
    }
}

/// <summary>A clock of the drill, with its name in the client's language (contoso's: zh-CN), as the reminder says it.</summary>
internal sealed record DrillClock(string Id, string Chinese, string English, TimeSpan Target);

/// <summary>A threshold an incident's clock reaches at <paramref name="DueAt"/>.</summary>
internal sealed record DueReminder(DrillClock Clock, int Percent, DateTimeOffset DueAt)
{
    /// <summary>Whether a text the bot posted is this reminder's headline (⏰ INC · 确认：…50% / ⛔ INC · 确认：… for the breach).</summary>
    public bool IsIn(string text, string incidentId) =>
        text.Contains($"{incidentId} · {Clock.Chinese}：", StringComparison.Ordinal)
        && (Percent >= 100 ? text.StartsWith('⛔') : text.StartsWith('⏰') && text.Contains(string.Create(CultureInfo.InvariantCulture, $" {Percent}%"), StringComparison.Ordinal));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Clock.Id} {Percent}%");
}
