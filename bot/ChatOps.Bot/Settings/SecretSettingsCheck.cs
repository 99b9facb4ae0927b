using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Settings;

/// <summary>
/// Outside Development a secret (an option marked <c>[DataType(DataType.Password)]</c>) comes only from the
/// environment, where App Service puts Key Vault references, never from a file shipped with the deployment.
/// </summary>
internal sealed class SecretSettingsCheck(IConfiguration configuration, IEnumerable<SettingsSection> sections, IHostEnvironment environment)
    : IValidateOptions<ConfigurationKeys>
{
    public ValidateOptionsResult Validate(string? name, ConfigurationKeys options)
    {
        if (environment.IsDevelopment())
            return ValidateOptionsResult.Success;
        var failures =
            from section in sections
            from property in section.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            where property.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.Password
            let key = ConfigurationPath.Combine(section.Path, property.Name)
            from file in SettingsSources.Holding(configuration, key).OfType<FileConfigurationProvider>()
            select $"{key} is a secret but is set in {SettingsSources.Describe(file, key)}: outside Development, set it in the environment " +
                   $"({key.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal)}), e.g. as a Key Vault reference, and remove it from the file.";
        var list = failures.ToList();
        return list.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(list);
    }
}
