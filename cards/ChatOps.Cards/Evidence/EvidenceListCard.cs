using System.Globalization;
using System.Text.Json;
using ChatOps.Cards.Adaptive;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Evidence;
using ChatOps.Incidents.Incidents;

namespace ChatOps.Cards.Evidence;

/// <summary>The evidence register: each item with its hash, place and holder, and its recent hand-overs; times in the client's zone.</summary>
public static class EvidenceListCard
{
    /// <summary>Items are laid out on as many cards as keep each under this many bytes (Teams refuses cards over 28 KB).</summary>
    public const int MaxItemBytes = 20 * 1024;
    public const int ShownTransfers = 5;
    public const int MaxNoteShown = 200;

    /// <summary>One card when the register is short; several, each saying which items it holds, when it is long.</summary>
    public static IReadOnlyList<AdaptiveCard> Build(Incident incident, CultureInfo language, TimeZoneInfo zone)
    {
        var title = new TextBlock(CardText.Format("Evidence.ListTitle", language, incident.Id)) { Size = "Medium", Weight = "Bolder" };
        if (incident.Evidence.Count == 0)
            return [Card([title, new TextBlock(CardText.Get("Evidence.Empty", language)) { IsSubtle = true }], language)];
        var pages = new List<List<Container>>();
        var bytes = 0;
        foreach (var container in incident.Evidence.Select(item => Item(item, language, zone)))
        {
            var size = JsonSerializer.SerializeToUtf8Bytes<CardElement>(container, CardJson.Options).Length;
            if (pages.Count == 0 || bytes + size > MaxItemBytes)
            {
                pages.Add([]);
                bytes = 0;
            }
            pages[^1].Add(container);
            bytes += size;
        }
        var first = 1;
        var cards = new List<AdaptiveCard>();
        foreach (var page in pages)
        {
            List<CardElement> body = [title];
            if (pages.Count > 1)
                body.Add(new TextBlock(CardText.Format("Evidence.Page", language, first, first + page.Count - 1, incident.Evidence.Count)) { IsSubtle = true, Size = "Small" });
            body.AddRange(page);
            cards.Add(Card(body, language));
            first += page.Count;
        }
        return cards;
    }

    /// <summary>What the person who registered an item sees in place of the form.</summary>
    public static AdaptiveCard Receipt(Incident incident, EvidenceItem item, CultureInfo language, TimeZoneInfo zone) =>
        Card([new TextBlock(CardText.Format("Evidence.Registered", language, item.Id, incident.Id)) { Weight = "Bolder", Color = "Good" }, Item(item, language, zone)], language);

    private static AdaptiveCard Card(List<CardElement> body, CultureInfo language) =>
        new(body) { Lang = language.TwoLetterISOLanguageName, Msteams = new TeamsCardProperties() };

    private static Container Item(EvidenceItem item, CultureInfo language, TimeZoneInfo zone)
    {
        List<CardElement> items =
        [
            new ColumnSet(
            [
                new Column([new TextBlock(item.Id) { Weight = "Bolder" }]) { Width = "auto" },
                new Column([new TextBlock(EvidenceFormCard.KindName(item.Kind, language)) { IsSubtle = true }]) { Width = "stretch" },
            ]),
            UserText.Literal(item.Item, EvidenceDraft.MaxText, language, weight: "Bolder"),
            UserText.Literal(CardText.Format("Evidence.Source", language, item.Source), EvidenceDraft.MaxText + 20, language),
            new FactSet(
            [
                new Fact(CardText.Get("Evidence.Field.collectedBy", language), item.CollectedBy.Name),
                new Fact(CardText.Get("Evidence.CollectedAt", language), Time(item.CollectedAt, zone)),
                new Fact(CardText.Get("Evidence.Custodian", language), item.Custodian.Name),
            ]),
            new RichTextBlock(
            [
                new TextRun(CardText.Get("Evidence.Field.sha256", language) + " ") { IsSubtle = true, Size = "Small" },
                new TextRun(item.Sha256) { FontType = "Monospace", Size = "Small" },
            ]),
            UserText.Literal(CardText.Format("Evidence.Location", language, item.Location), EvidenceDraft.MaxText + 20, language),
        ];
        if (item.Custody.Count > 0)
        {
            items.Add(new TextBlock(CardText.Get("Evidence.Custody", language)) { Weight = "Bolder", Size = "Small" });
            if (item.Custody.Count > ShownTransfers)
                items.Add(new TextBlock(CardText.Format("Evidence.EarlierTransfers", language, item.Custody.Count - ShownTransfers)) { IsSubtle = true, Size = "Small", Spacing = "None" });
            items.AddRange(item.Custody.TakeLast(ShownTransfers).Select(t => Transfer(t, language, zone)));
        }
        return new Container(items) { Separator = true, Spacing = "Medium" };
    }

    private static RichTextBlock Transfer(CustodyTransfer transfer, CultureInfo language, TimeZoneInfo zone)
    {
        var line = transfer.Note is { } note
            ? CardText.Format("Evidence.TransferNote", language, Time(transfer.At, zone), transfer.From.Name, transfer.To.Name, transfer.By.Name, UserText.Clip(note, MaxNoteShown).Text)
            : CardText.Format("Evidence.Transfer", language, Time(transfer.At, zone), transfer.From.Name, transfer.To.Name, transfer.By.Name);
        return UserText.Literal(line, EvidenceDraft.MaxText, language) with { Spacing = "None" };
    }

    private static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
