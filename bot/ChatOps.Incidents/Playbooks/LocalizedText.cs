using System.Globalization;

namespace ChatOps.Incidents.Playbooks;

/// <summary>A text in the product's two languages, as the playbook files give it.</summary>
public sealed record LocalizedText(string ZhCn, string En)
{
    public string In(CultureInfo language) => language.TwoLetterISOLanguageName == "zh" ? ZhCn : En;

    public override string ToString() => $"{ZhCn} / {En}";
}
