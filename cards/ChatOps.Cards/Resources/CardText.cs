using System.Globalization;
using System.Resources;

namespace ChatOps.Cards.Resources;

/// <summary>Every string a card shows, from Strings.resx (en) and Strings.zh-CN.resx (zh-CN).</summary>
public static class CardText
{
    private static readonly ResourceManager Strings = new("ChatOps.Cards.Resources.Strings", typeof(CardText).Assembly);

    public static string Get(string key, CultureInfo language) =>
        Strings.GetString(key, language) ?? throw new KeyNotFoundException($"No card text '{key}'.");

    public static string Format(string key, CultureInfo language, params object[] args) =>
        string.Format(language, Get(key, language), args);

    /// <summary>Why the incident's rules refused a change, in the reader's language.</summary>
    public static string Rule(ChatOps.Incidents.Incidents.IncidentRuleException refusal, CultureInfo language) =>
        Format($"Rule.{refusal.Rule}", language, [.. refusal.Arguments.Select(a => Strings.GetString($"Field.{a}", language) ?? a)]);

    /// <summary>Whether the language has its own text for the key (not a fallback to English).</summary>
    internal static bool HasOwn(string key, CultureInfo language) =>
        Strings.GetResourceSet(language, createIfNotExists: true, tryParents: false)?.GetString(key) is not null;
}
