using System.Net;
using ChatOps.Bot.Protocol.Deduplication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Benchmarks.Load;

/// <summary>The real bot (its Program) on real Kestrel on 127.0.0.1, configured for the benchmark.</summary>
internal sealed class BotServer : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection> _services;

    private BotServer(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> services)
    {
        _settings = settings;
        _services = services;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <param name="more">Extra settings and services (the incidents benchmark adds Graph and stage clocks).</param>
    public static BotServer Start(string scenario, BenchmarkRig rig, string tablePrefix, (IReadOnlyDictionary<string, string?> Settings, Action<IServiceCollection> Services)? more = null)
    {
        var authOn = scenario is not (Scenario.BotNoAuth or Scenario.BotNoAuthNoStorage);
        var storageOn = scenario is not (Scenario.BotNoStorage or Scenario.BotNoAuthNoStorage);
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Bot:AppId"] = SignedActivities.AppId,
            // Development only so that Credential=None (no outbound token) is allowed; inbound auth stays on explicitly.
            ["Bot:Authentication:Enabled"] = authOn ? "true" : "false",
            ["Bot:Authentication:OpenIdMetadataUrl"] = rig.Issuer.MetadataUrl.AbsoluteUri,
            ["Bot:Connector:Credential"] = "None",
            ["Bot:Connector:TrustedServiceUrls:0"] = rig.Connector.ServiceUrl,
            ["Bot:Connector:TrustedServiceUrls:1"] = rig.Connector.ServiceUrl,
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:TablePrefix"] = tablePrefix,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        };
        foreach (var (key, value) in more?.Settings ?? new Dictionary<string, string?>())
            settings[key] = value;
        var server = new BotServer(settings, services =>
        {
            if (!storageOn)
                services.Replace(ServiceDescriptor.Singleton<IProcessedActivities, NoProcessedActivities>());
            if (scenario == Scenario.BotStages)
                StageClock.Instrument(services, rig.Stages);
            more?.Services(services);
        });
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(new Uri(address), "/api/messages");
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseContentRoot(Path.Combine(RepositoryRoot.Path, "bot", "ChatOps.Bot"));
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(_services);
    }
}
