namespace ChatOps.Bot.Settings;

/// <summary>
/// The configuration's own keys, checked at start beside the options (unknown keys, secrets in files): no options
/// of its own, only the name under which those checks run with <c>ValidateOnStart</c>.
/// </summary>
internal sealed class ConfigurationKeys;
