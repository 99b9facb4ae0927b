using System.Text.RegularExpressions;
using ChatOps.Cards.Adaptive;

namespace ChatOps.Bot.Conversations.Commands;

/// <summary>Reads the one-line form: declare P1 web-defacement client=contoso "Homepage defaced" [description="…"].</summary>
internal static partial class DeclareLine
{
    public static DeclareIncident Parse(string arguments, string declarationId)
    {
        var form = new DeclareIncident(declarationId);
        foreach (Match token in Token().Matches(arguments))
        {
            var key = token.Groups["key"].Success ? token.Groups["key"].Value.ToLowerInvariant() : null;
            var value = token.Groups["quoted"].Success ? token.Groups["quoted"].Value : token.Groups["bare"].Value;
            form = key switch
            {
                "client" => form with { Client = value },
                "type" => form with { Type = value },
                "severity" => form with { Severity = value },
                "title" => form with { Title = value },
                "description" => form with { Description = value },
                null when token.Groups["quoted"].Success => form with { Title = form.Title is null ? value : $"{form.Title} {value}" },
                null when Severity().IsMatch(value) && form.Severity is null => form with { Severity = value },
                null when form.Type is null => form with { Type = value },
                _ => form with { Title = form.Title is null ? value : $"{form.Title} {value}" },
            };
        }
        return form;
    }

    [GeneratedRegex("""(?:(?<key>[A-Za-z]+)=)?(?:["“](?<quoted>[^"”]*)["”]|(?<bare>\S+))""")]
    private static partial Regex Token();

    [GeneratedRegex("^[Pp][0-9]$")]
    private static partial Regex Severity();
}
