using System.Text.Json.Serialization;

namespace ChatOps.Incidents.Evidence;

/// <summary>What sort of evidence an item is (seed 000, Detection: volatile data, backups, logs, screenshots).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvidenceKind>))]
public enum EvidenceKind
{
    [JsonStringEnumMemberName("volatile-data")] VolatileData,
    [JsonStringEnumMemberName("disk-image")] DiskImage,
    [JsonStringEnumMemberName("log")] Log,
    [JsonStringEnumMemberName("screenshot")] Screenshot,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>The kinds by their wire names: what forms send, events record and cards look up their text by.</summary>
public static class EvidenceKinds
{
    private static readonly Dictionary<string, EvidenceKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["volatile-data"] = EvidenceKind.VolatileData,
        ["disk-image"] = EvidenceKind.DiskImage,
        ["log"] = EvidenceKind.Log,
        ["screenshot"] = EvidenceKind.Screenshot,
        ["other"] = EvidenceKind.Other,
    };

    public static IReadOnlyList<EvidenceKind> All { get; } = Enum.GetValues<EvidenceKind>();

    public static string Name(EvidenceKind kind) => ByName.First(p => p.Value == kind).Key;

    public static EvidenceKind? Find(string? name) => name is not null && ByName.TryGetValue(name.Trim(), out var kind) ? kind : null;
}
