using System.Collections;
using System.ComponentModel;
using System.Reflection;

namespace ChatOps.Bot.Settings;

/// <summary>The keys the bot's options read: which section owns a key, and which option property (if any) it sets.</summary>
internal sealed class SettingsCatalog(IEnumerable<SettingsSection> sections)
{
    private const int MaxDepth = 4;

    // Longest first, so Bot:Connector:X belongs to Bot:Connector, not to Bot.
    private readonly SettingsSection[] _sections = sections.DistinctBy(s => s.Path, StringComparer.OrdinalIgnoreCase)
        .OrderByDescending(s => s.Path.Length).ToArray();

    public IReadOnlyList<SettingsSection> Sections => _sections;

    /// <summary>The section a key lies under, or null for keys that are not the bot's (Logging, Kestrel, …).</summary>
    public SettingsSection? Owner(string key) =>
        _sections.FirstOrDefault(s => key.StartsWith(s.Path + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase));

    /// <summary>The option property the key sets (a list's or a map's for keys below one), or null when no option reads it.</summary>
    public static PropertyInfo? Property(SettingsSection section, string key)
    {
        var type = section.Options;
        var segments = key[(section.Path.Length + 1)..].Split(ConfigurationPath.KeyDelimiter);
        for (var i = 0; i < segments.Length; i++)
        {
            var property = type.GetProperty(segments[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !IsBound(property))
                return null;
            if (IsCollection(property.PropertyType))
                return property;
            if (IsValue(property.PropertyType))
                return i == segments.Length - 1 ? property : null;
            type = property.PropertyType;
        }
        return null;
    }

    /// <summary>Every key the options read (a list's first item for a list), for suggesting the one a misspelt key meant.</summary>
    public IEnumerable<string> KnownKeys() => _sections.SelectMany(s => Keys(s.Path, s.Options, 0));

    private static IEnumerable<string> Keys(string path, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsBound))
        {
            var key = ConfigurationPath.Combine(path, property.Name);
            if (IsCollection(property.PropertyType))
                yield return ConfigurationPath.Combine(key, "0");
            else if (IsValue(property.PropertyType))
                yield return key;
            else if (depth < MaxDepth)
                foreach (var inner in Keys(key, property.PropertyType, depth + 1))
                    yield return inner;
        }
    }

    // The binder sets public setters, and fills collections it can read.
    private static bool IsBound(PropertyInfo property) => property.GetSetMethod() is not null || IsCollection(property.PropertyType);

    // What the configuration binder sets from one string: what a type converter makes from it.
    private static bool IsValue(Type type) => TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
}
