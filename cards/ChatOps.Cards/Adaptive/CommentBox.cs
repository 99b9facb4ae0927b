using System.Globalization;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Cards.Adaptive;

/// <summary>The comment box above a decision's buttons (an approval, a report review), labelled from the feature's texts.</summary>
internal static class CommentBox
{
    /// <param name="texts">the prefix of the feature's <c>.Comment</c> and <c>.CommentPlaceholder</c> texts, e.g. "Approval"</param>
    public static TextInput For(string id, string texts, CultureInfo language) => new()
    {
        Id = id,
        Label = CardText.Get($"{texts}.Comment", language),
        Placeholder = CardText.Get($"{texts}.CommentPlaceholder", language),
        IsMultiline = true,
        MaxLength = Incident.MaxComment,
        Separator = true,
    };
}
