using ChatOps.Bot.Conversations;
using ChatOps.Bot.Conversations.IncidentChannels;
using ChatOps.Bot.Incidents;
using ChatOps.Cards.Reports;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Reports;

/// <summary><c>summary</c>: the form for what only people know (cause, damage, recommendations…), filled with what is recorded.</summary>
internal sealed class SummaryCommand : IIncidentCommand
{
    public Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        if (!ResponseTeam.Includes(context.Incident, context.Client, turn.Sender))
            return turn.SendTextAsync(CardText.Get("Summary.OnlyResponders", turn.Language), ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(context.Client?.TimeZone ?? "UTC");
        return turn.SendCardAsync(SummaryFormCard.Build(context.Incident, zone, turn.Language), ct);
    }
}

/// <summary>
/// <c>report [zh-CN|en|both]</c>: compiles a new version of the emergency response report (the client's language by
/// default). Its card shows the progress, then the files and the client's Confirm / Request changes.
/// </summary>
internal sealed class ReportCommand(ReportDesk reports) : IIncidentCommand
{
    public async Task RunAsync(Turn turn, IncidentContext context, string arguments, CancellationToken ct)
    {
        if (context.Client is not { } client || !ResponseTeam.Includes(context.Incident, client, turn.Sender))
        {
            await turn.SendTextAsync(CardText.Get("Report.OnlyResponders", turn.Language), ct);
            return;
        }
        if (ReportLanguages.Parse(arguments, client.Locale) is not { } languages)
        {
            await turn.SendTextAsync(CardText.Get("Report.Usage", turn.Language), ct);
            return;
        }
        try
        {
            if (await reports.RequestAsync(context.Incident.Id, languages, turn.Sender, ct) is { } requested)
                await turn.SendTextAsync(CardText.Format("Report.Requested", turn.Language, context.Incident.Id, requested.Report.Label, string.Join(", ", requested.Report.Languages)), ct);
        }
        catch (IncidentRuleException e)
        {
            await turn.SendTextAsync(CardText.Rule(e, turn.Language), ct);
        }
    }
}

/// <summary>The languages a report is asked in: zh-CN, en, both; nothing means the client's own.</summary>
internal static class ReportLanguages
{
    public static IReadOnlyList<string>? Parse(string arguments, string clientLocale) =>
        arguments.Trim().ToLowerInvariant() switch
        {
            "" => [Languages.IsChinese(Languages.FromLocale(clientLocale)) ? "zh-CN" : "en"],
            "zh-cn" or "zh" or "中文" => ["zh-CN"],
            "en" or "english" or "英文" => ["en"],
            "both" or "all" or "双语" => Incident.ReportLanguages,
            _ => null,
        };
}
