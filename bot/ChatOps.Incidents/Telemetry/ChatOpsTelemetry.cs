using System.Diagnostics;
using System.Reflection;

namespace ChatOps.Incidents.Telemetry;

/// <summary>
/// The one name the bot and its jobs publish traces and metrics under: spans come from <see cref="Source"/>, and each
/// host's meter (from its IMeterFactory, so two hosts in one process keep their measurements apart) is named the same.
/// </summary>
public static class ChatOpsTelemetry
{
    public const string Name = "ChatOps";

    /// <summary>The build's version: the service.version of every span and metric.</summary>
    public static string Version { get; } =
        typeof(ChatOpsTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static ActivitySource Source { get; } = new(Name, Version);
}
