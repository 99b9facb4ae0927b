using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol;
using ChatOps.Bot.Rotations;
using ChatOps.Bot.Storage;
using ChatOps.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Deployment;

/// <summary>The bot's configuration keys, read from its options classes (each names its section in a Section constant).</summary>
internal static partial class ConfigurationKeys
{
    public static readonly IReadOnlyList<(string Section, Type Options)> Sections =
        [.. new[] { typeof(Program).Assembly, typeof(JobsOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static), Type: t))
            .Where(t => t.Field is { IsLiteral: true } && t.Field.FieldType == typeof(string))
            .Select(t => ((string)t.Field!.GetRawConstantValue()!, t.Type))];

    /// <summary>Keys that hold a credential: set from the environment or a Key Vault reference, never in a file or a plain setting.</summary>
    public static readonly IReadOnlySet<string> Secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Bot:Connector:ClientSecret", "Jobs:PostgreSqlConnectionString", "Jobs:DashboardApiKey", "Storage:ConnectionString",
    };

    /// <summary>Read by the platform or a library rather than by our options classes.</summary>
    public static readonly IReadOnlySet<string> Platform = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_ENVIRONMENT",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "AllowedHosts",
    };

    /// <summary>The options property a key ("Bot:Connector:ClientSecret", "Bot:Connector:TrustedServiceUrls:0") binds to, or null.</summary>
    public static PropertyInfo? Find(string key)
    {
        var owner = Sections.Where(s => key.StartsWith(s.Section + ":", StringComparison.OrdinalIgnoreCase)).OrderByDescending(s => s.Section.Length).FirstOrDefault();
        if (owner.Options is null)
            return null;
        PropertyInfo? property = null;
        var type = owner.Options;
        foreach (var segment in key[(owner.Section.Length + 1)..].Split(':'))
        {
            if (property is not null && int.TryParse(segment, out _) && ElementType(type) is { } element)
            {
                type = element;
                continue;
            }
            property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
                return null;
            type = property.PropertyType;
        }
        return property;
    }

    public static bool IsKnown(string key) => Find(key) is not null || Platform.Contains(key) || key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every options property whose name says it holds a credential, as a configuration key.</summary>
    public static IEnumerable<string> CredentialLikeKeys() =>
        Sections.SelectMany(s => s.Options.GetProperties().Where(p => CredentialName().IsMatch(p.Name)).Select(p => $"{s.Section}:{p.Name}"));

    /// <summary>Binds and validates every options class as the host does at start in Production; the errors, or none.</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new Production())
            .AddLogging()
            .AddBotProtocol(configuration)
            .AddBotStorage(configuration)
            .AddIncidents(configuration)
            .AddRotations(configuration)
            .AddJobs(configuration);
        using var provider = services.BuildServiceProvider();
        var errors = new List<string>();
        foreach (var (_, options) in Sections)
        {
            var accessor = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(options));
            try
            {
                _ = accessor.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(accessor);
            }
            catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException or InvalidOperationException)
            {
                errors.Add(e.InnerException.Message);
            }
        }
        return errors;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[^1]
        : null;

    [GeneratedRegex("Secret|Password|ConnectionString|ApiKey")]
    private static partial Regex CredentialName();

    private sealed class Production : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "ChatOps.Bot";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
