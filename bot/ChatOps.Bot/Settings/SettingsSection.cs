namespace ChatOps.Bot.Settings;

/// <summary>A configuration section the bot binds to an options class: the keys under it must be that class's.</summary>
internal sealed record SettingsSection(string Path, Type Options);
