using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using ChatOps.Bot.Incidents;
using ChatOps.Bot.Protocol;
using ChatOps.Bot.Rotations;
using ChatOps.Bot.Settings;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Telemetry;
using ChatOps.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Deployment;

/// <summary>The bot's configuration keys, as the host's own start-up check knows them (ChatOps.Bot.Settings).</summary>
internal static partial class BotSettingKeys
{
    private static readonly SettingsCatalog Catalog = new(Register(new ServiceCollection(), new ConfigurationBuilder().Build())
        .Select(d => d.ImplementationInstance).OfType<SettingsSection>());

    /// <summary>Keys that hold a credential (marked [DataType(DataType.Password)]): from the environment or a Key Vault reference only.</summary>
    public static readonly IReadOnlySet<string> Secrets = Catalog.Sections
        .SelectMany(s => s.Options.GetProperties().Where(p => p.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.Password).Select(p => $"{s.Path}:{p.Name}"))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Read by the platform or a library rather than by our options classes.</summary>
    public static readonly IReadOnlySet<string> Platform = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_ENVIRONMENT",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "AllowedHosts",
    };

    /// <summary>The options property a key ("Bot:Connector:ClientSecret", "Bot:Connector:TrustedServiceUrls:0") binds to, or null.</summary>
    public static PropertyInfo? Find(string key) => Catalog.Owner(key) is { } section ? SettingsCatalog.Property(section, key) : null;

    public static bool IsKnown(string key) => Find(key) is not null || Platform.Contains(key) || key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every options property whose name says it holds a credential, as a configuration key.</summary>
    public static IEnumerable<string> CredentialLikeKeys() =>
        Catalog.KnownKeys().Where(k => CredentialName().IsMatch(k[(k.LastIndexOf(':') + 1)..]));

    /// <summary>Binds and validates every options class, and runs the key checks, as the host does at start in Production; the errors, or none.</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = Register(new ServiceCollection().AddSingleton<IHostEnvironment>(new Production()).AddLogging(), configuration);
        services.AddSingleton<IConfiguration>(configuration);
        using var provider = services.BuildServiceProvider();
        var errors = new List<string>();
        foreach (var options in Catalog.Sections.Select(s => s.Options).Append(typeof(ConfigurationKeys)))
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

    /// <summary>What Program.cs registers that binds configuration.</summary>
    private static IServiceCollection Register(IServiceCollection services, IConfiguration configuration) => services
        .AddSettingsChecks()
        .AddTelemetry(configuration)
        .AddBotProtocol(configuration)
        .AddBotStorage(configuration)
        .AddIncidents(configuration)
        .AddRotations(configuration)
        .AddJobs(configuration);

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
