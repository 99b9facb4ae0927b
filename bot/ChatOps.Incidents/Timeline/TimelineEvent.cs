using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOps.Incidents.Timeline;

/// <summary>
/// One entry of an incident's append-only record. Its hash covers the previous hash and the event's
/// canonical JSON, so changing or removing any earlier entry breaks every later link.
/// </summary>
public sealed record TimelineEvent(long Sequence, string Type, DateTimeOffset At, string Actor, JsonObject Data, string PreviousHash, string Hash)
{
    /// <summary>The previous hash of the first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static TimelineEvent Append(string previousHash, long sequence, string type, DateTimeOffset at, string actor, JsonObject data)
    {
        // Milliseconds, UTC: what every store keeps exactly, so a stored event hashes the same when read back.
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return new(sequence, type, at, actor, data, previousHash, ComputeHash(previousHash, sequence, type, at, actor, data));
    }

    public bool HashIsValid => Hash == ComputeHash(PreviousHash, Sequence, Type, At, Actor, Data);

    internal static string ComputeHash(string previousHash, long sequence, string type, DateTimeOffset at, string actor, JsonObject data)
    {
        var content = new JsonObject
        {
            ["seq"] = sequence,
            ["type"] = type,
            ["at"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["actor"] = actor,
            ["data"] = data.DeepClone(),
        };
        var bytes = Encoding.ASCII.GetBytes(previousHash).Concat(CanonicalJson.Serialize(content)).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
