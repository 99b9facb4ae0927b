namespace ChatOps.Bot.Storage;

/// <summary>
/// What Azure Tables takes as a PartitionKey or RowKey (at most 1 KiB; no / \ # ? nor control characters). An id from a
/// click or a command is checked before it reaches a request: one that cannot be a key names nothing stored.
/// </summary>
internal static class TableKeys
{
    private const int MaxChars = 512;

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxChars } && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
