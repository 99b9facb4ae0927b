using ChatOps.Bot.Evidence;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Bot.Tests.Evidence;

public sealed class EvidenceFormTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Person Alex = new("aad-alex", "Alex Wilber");
    private static readonly Person Riley = new("aad-riley", "Riley Responder");

    private static AddEvidence Form(string date = "2026-11-23", string time = "09:30", string? collectedBy = null) => new("INC-2026-0001", "form-1")
    {
        Kind = "screenshot", Item = "Defaced homepage", Source = "www.contoso.com", CollectedBy = collectedBy,
        CollectedDate = date, CollectedTime = time, Sha256 = new string('a', 64), Location = "SharePoint /evidence",
    };

    [Fact]
    public void The_date_and_time_mean_the_clients_zone_and_an_empty_collector_is_the_sender()
    {
        var (draft, errors) = EvidenceForm.Read(Form(), [Alex, Riley], Alex, Shanghai, Now, Languages.English);

        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero), draft!.CollectedAt);
        Assert.Equal((Alex, EvidenceKind.Screenshot, "form-1"), (draft.CollectedBy, draft.Kind, draft.SubmissionId));
    }

    [Fact]
    public void A_collector_from_the_team_is_taken_and_anyone_else_is_refused_beside_the_field()
    {
        Assert.Equal(Riley, EvidenceForm.Read(Form(collectedBy: "aad-riley"), [Alex, Riley], Alex, Shanghai, Now, Languages.English).Draft!.CollectedBy);

        var (draft, errors) = EvidenceForm.Read(Form(collectedBy: "aad-stranger"), [Alex, Riley], Alex, Shanghai, Now, Languages.Chinese);

        Assert.Null(draft);
        Assert.Equal(CardText.Get("Evidence.UnknownCollector", Languages.Chinese), errors["collectedBy"]);
    }

    [Theory]
    [InlineData("23/11/2026", "09:30")]
    [InlineData("2026-11-23", "9.30")]
    [InlineData("", "09:30")]
    [InlineData("2026-03-08", "02:30")]
    public void A_missing_malformed_or_nonexistent_local_time_is_refused(string date, string time)
    {
        var (_, errors) = EvidenceForm.Read(Form(date, time), [Alex], Alex, NewYork, Now, Languages.English);

        Assert.Equal(CardText.Get("Evidence.BadTime", Languages.English), errors["collectedAt"]);
    }

    [Fact]
    public void A_time_later_today_in_the_clients_zone_is_in_the_future()
    {
        var (_, errors) = EvidenceForm.Read(Form("2026-11-23", "18:02"), [Alex], Alex, Shanghai, Now, Languages.English);

        Assert.Equal(CardText.Rule(new IncidentRuleException(Rules.EvidenceCollectedInFuture), Languages.English), errors["collectedAt"]);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_by_field()
    {
        var form = Form() with { Kind = "hologram", Item = "", Sha256 = "abc", Location = new string('x', 501) };

        var (draft, errors) = EvidenceForm.Read(form, [Alex], Alex, Shanghai, Now, Languages.English);

        Assert.Null(draft);
        Assert.Equal(["item", "kind", "location", "sha256"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("hologram", errors["kind"], StringComparison.Ordinal);
    }
}
