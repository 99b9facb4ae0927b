using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;

namespace ChatOps.Cards.Help;

/// <summary>The help card: what the bot is for and each command, in the reader's language, with a switch to the other.</summary>
public static class HelpCard
{
    public static AdaptiveCard Build(CultureInfo language, IReadOnlyList<string> commands)
    {
        var other = Languages.Other(language);
        return new AdaptiveCard(
        [
            new TextBlock(CardText.Get("Help.Title", language)) { Size = "Medium", Weight = "Bolder" },
            new TextBlock(CardText.Get("Help.Intro", language)),
            new TextBlock(CardText.Get("Help.Commands", language)) { Weight = "Bolder", Spacing = "Medium" },
            new FactSet([.. commands.Select(c => new Fact(c, CardText.Get($"Help.Command.{c}", language)))]),
            new TextBlock(CardText.Get("Help.InChannel", language)) { IsSubtle = true, Size = "Small" },
        ])
        {
            Lang = language.TwoLetterISOLanguageName, // the schema's lang is ISO 639-1 ("zh"): it refuses "zh-CN"
            Actions = [new ExecuteAction(CardText.Get("Help.SwitchLanguage", language), new ShowHelp(other.Name))
            {
                Fallback = new SubmitAction(CardText.Get("Help.SwitchLanguage", language), new ShowHelp(other.Name)),
            }],
        };
    }
}
