using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Protocol.Connector;

/// <summary>Calling the connector without a token is for the local Playground only.</summary>
internal sealed class ConnectorStartupCheck(IHostEnvironment environment) : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        if (options.Credential == ConnectorCredential.None && !environment.IsDevelopment())
            return ValidateOptionsResult.Fail($"{ConnectorOptions.Section}:Credential is None in the '{environment.EnvironmentName}' environment; that is allowed only in Development.");
        if (options.Credential == ConnectorCredential.ClientSecret && string.IsNullOrEmpty(options.ClientSecret))
            return ValidateOptionsResult.Fail($"{ConnectorOptions.Section}:ClientSecret is empty but {ConnectorOptions.Section}:Credential is ClientSecret (set it from the environment or Key Vault).");
        return ValidateOptionsResult.Success;
    }
}
