using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Approvals;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Playbooks;

namespace ChatOps.Cards.Approvals;

/// <summary>
/// A request for the client's authorisation as posted in the incident channel. Everyone sees the proposal, its hash,
/// the decisions and who may decide; while it is open, Teams fetches each approver's own view (card refresh) with
/// the comment box and the Approve / Request changes / Reject buttons, bound to the hash of this exact proposal.
/// </summary>
public static class ApprovalCard
{
    public const int MaxRefreshUsers = 60;

    /// <param name="approver">The viewer, when Teams asked for an approver's view; null for everyone's copy.</param>
    /// <param name="audience">The approvers' Teams ids whose clients refresh the card (at most 60).</param>
    public static AdaptiveCard Build(
        Incident incident, Playbook playbook, ApprovalRequest request, Client client, DateTimeOffset now, CultureInfo language,
        Person? approver = null, IReadOnlyList<string>? audience = null, string? notice = null)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone);
        var expired = request.Status == ApprovalStatus.Expired || (request.IsOpen && now > request.ExpiresAt);
        List<CardElement> body =
        [
            new TextBlock(CardText.Format("Approval.Title", language, incident.Id, request.Id)) { Size = "Medium", Weight = "Bolder" },
            new TextBlock(Subject(playbook, request.PointId, language)) { Weight = "Bolder", Spacing = "None" },
            Status(request, expired, language),
        ];
        if (notice is not null)
            body.Add(UserText.Notice(notice, "Attention", weight: "Bolder"));
        foreach (var field in Proposal.Fields)
        {
            body.Add(new TextBlock(CardText.Get($"Approval.Field.{field}", language)) { Size = "Small", Weight = "Bolder", IsSubtle = true });
            body.Add(UserText.Literal(request.Proposal[field], Proposal.MaxField, language) with { Spacing = "None" });
        }
        body.Add(new FactSet(
        [
            new Fact(CardText.Get("Approval.RequestedBy", language), $"{request.RequestedBy.Name} · {CardTime.Format(request.RequestedAt, zone)}"),
            new Fact(CardText.Get("Approval.Expires", language), CardTime.Format(request.ExpiresAt, zone)),
            new Fact(CardText.Get("Approval.Quorum", language), CardText.Format("Approval.QuorumValue", language, request.Quorum, client.Approvers.Count)),
            new Fact(CardText.Get("Approval.Revision", language), request.Revision.ToString(CultureInfo.InvariantCulture)),
            new Fact(CardText.Get("Approval.Hash", language), request.ProposalHash),
        ]) { Separator = true });
        body.AddRange(Decisions(request, zone, language));
        var open = request.IsOpen && !expired;
        var mine = approver is null ? null : request.CurrentDecisions.FirstOrDefault(d => d.By.AadObjectId == approver.AadObjectId);
        if (open && approver is not null && mine is null)
            body.AddRange(Buttons(incident, request, language));
        else if (open && approver is null)
            body.Add(new TextBlock(CardText.Format("Approval.Approvers", language, string.Join("、", client.Approvers.Select(a => $"<at>{a.Name}</at>")))) { Separator = true });
        return new AdaptiveCard(body)
        {
            Lang = language.TwoLetterISOLanguageName,
            Msteams = new TeamsCardProperties
            {
                Entities = open && approver is null ? [.. client.Approvers.Select(CardMention.For)] : null,
            },
            Refresh = open && audience is { Count: > 0 }
                ? new CardRefresh(new ExecuteAction(CardText.Get("Approval.Refresh", language), new RefreshApproval(incident.Id, request.Id)), [.. audience.Take(MaxRefreshUsers)])
                : null,
        };
    }

    /// <summary>"CP-09 Containment method approval", or "Important operation" for an ad-hoc request.</summary>
    public static string Subject(Playbook playbook, string? pointId, CultureInfo language) =>
        pointId is not null && playbook.FindControlPoint(pointId) is { } point
            ? $"{point.Id} {point.Name.In(language)}"
            : CardText.Get("Approval.AdHoc", language);

    private static TextBlock Status(ApprovalRequest request, bool expired, CultureInfo language)
    {
        var status = expired ? ApprovalStatus.Expired : request.Status;
        var text = CardText.Format($"Approval.Status.{status}", language, request.Approvals, request.Quorum);
        var color = status switch
        {
            ApprovalStatus.Approved => "Good",
            ApprovalStatus.Pending or ApprovalStatus.ChangesRequested => "Warning",
            _ => "Attention",
        };
        return new TextBlock(text) { Color = color, Weight = "Bolder" };
    }

    private static IEnumerable<CardElement> Decisions(ApprovalRequest request, TimeZoneInfo zone, CultureInfo language)
    {
        foreach (var d in request.CurrentDecisions)
        {
            yield return new TextBlock(CardText.Format($"Approval.Decision.{d.Kind}", language, d.By.Name, CardTime.Format(d.At, zone))) { Separator = true, Weight = "Bolder" };
            if (d.Comment is { } comment)
                yield return UserText.Literal(comment, Incident.MaxComment, language) with { Spacing = "None" };
        }
        var voided = request.Decisions.Count(d => d.Revision != request.Revision);
        if (voided > 0)
            yield return new TextBlock(CardText.Format("Approval.Voided", language, voided)) { IsSubtle = true, Size = "Small" };
    }

    private static IEnumerable<CardElement> Buttons(Incident incident, ApprovalRequest request, CultureInfo language)
    {
        yield return CommentBox.For(DecideApproval.CommentInputId, "Approval", language);
        ExecuteAction Decide(DecisionKind kind, string? style) =>
            new(CardText.Get($"Approval.Button.{kind}", language), new DecideApproval(incident.Id, request.Id, request.ProposalHash, kind.ToString())) { Style = style };
        yield return new ActionSet([Decide(DecisionKind.Approve, "positive"), Decide(DecisionKind.RequestChanges, null), Decide(DecisionKind.Reject, "destructive")]);
    }
}
