namespace ChatOps.Bot.Rotations;

/// <summary>Where the on-call rotations and escalation policies come from (section Rotations).</summary>
public sealed class RotationsOptions
{
    public const string Section = "Rotations";

    /// <summary>The rotations file, relative to the app's folder, stored into Azure Tables at start; empty when they are managed only in the table.</summary>
    public string? File { get; set; }
}
