using ChatOps.Bot.Protocol;
using ChatOps.Bot.Protocol.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Protocol.Connector;

/// <summary>The outbound connector exactly as AddBotProtocol wires it, with fake Entra and Bot Connector endpoints.</summary>
internal sealed class ConnectorHost : IDisposable
{
    public const string AppId = "3f2a8c4e-0b6d-4e1a-9c7f-5d2e8b1a6c90";
    public const string Secret = "not-a-real-secret";

    public ConnectorHost(ScriptedConnector connector, FakeEntra entra, FakeTimeProvider time)
    {
        (Connector, Entra, Time) = (connector, entra, time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:Connector:Credential"] = "ClientSecret",
            ["Bot:Connector:ClientSecret"] = Secret,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddBotProtocol(configuration);
        services.AddHttpClient(nameof(ConnectorTokens)).ConfigurePrimaryHttpMessageHandler(() => entra);
        services.AddHttpClient(nameof(IConnectorClient)).ConfigurePrimaryHttpMessageHandler(() => connector);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public ScriptedConnector Connector { get; }

    public FakeEntra Entra { get; }

    public FakeTimeProvider Time { get; }

    public ServiceProvider Services { get; }

    public IConnectorClient Client => Services.GetRequiredService<IConnectorClient>();

    public ConnectorTokens Tokens => Services.GetRequiredService<ConnectorTokens>();

    public void Dispose() => Services.Dispose();
}
