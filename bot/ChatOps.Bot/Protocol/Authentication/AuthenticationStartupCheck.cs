using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Protocol.Authentication;

/// <summary>"No auth" is an explicit development switch, never a fallback: anywhere else the host refuses to start.</summary>
internal sealed class AuthenticationStartupCheck(IHostEnvironment environment) : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options) =>
        options.Enabled || environment.IsDevelopment()
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{BotAuthenticationOptions.Section}:Enabled is false in the '{environment.EnvironmentName}' environment; inbound authentication may be switched off only in Development.");
}
