using System.Globalization;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;

namespace ChatOps.Cards.Help;

/// <summary>Posted once when the app is installed in a team, a group chat or a personal chat.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(CultureInfo language) => new(
    [
        new TextBlock(CardText.Get("Welcome.Title", language)) { Size = "Medium", Weight = "Bolder" },
        new TextBlock(CardText.Get("Welcome.Body", language)),
        new TextBlock(CardText.Get("Welcome.Next", language)) { IsSubtle = true },
    ])
    {
        Lang = language.TwoLetterISOLanguageName, // the schema's lang is ISO 639-1 ("zh"): it refuses "zh-CN"
        Actions = [new ExecuteAction(CardText.Get("Welcome.ShowHelp", language), new ShowHelp(language.Name))
        {
            Fallback = new SubmitAction(CardText.Get("Welcome.ShowHelp", language), new ShowHelp(language.Name)),
        }],
    };
}
