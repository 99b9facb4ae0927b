using ChatOps.Jobs;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Settings;

internal static class SettingsServiceCollectionExtensions
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/>, validates it at start, and lets the key check know the section.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddSingleton(new SettingsSection(section, typeof(T)));
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
    }

    /// <summary>
    /// At start, refuses a key under one of the bot's sections that no option reads (a misspelt setting would
    /// otherwise be ignored in silence) and, outside Development, a secret read from a file of the deployment.
    /// </summary>
    public static IServiceCollection AddSettingsChecks(this IServiceCollection services)
    {
        // ChatOps.Jobs binds its own options; it knows nothing of this check.
        services.AddSingleton(new SettingsSection(JobsOptions.Section, typeof(JobsOptions)));
        services.AddOptions<ConfigurationKeys>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConfigurationKeys>, UnknownSettingsCheck>();
        services.AddSingleton<IValidateOptions<ConfigurationKeys>, SecretSettingsCheck>();
        return services;
    }
}
