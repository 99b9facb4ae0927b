using ChatOps.Bot.Protocol.Authentication;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Protocol.Endpoint;
using ChatOps.Bot.Settings;
using ChatOps.Bot.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Protocol;

internal static class BotProtocolServiceCollectionExtensions
{
    /// <summary>The Bot Framework wire protocol: inbound validation and the outbound connector.</summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSettings<BotIdentityOptions>(configuration, BotIdentityOptions.Section);
        services.AddSettings<BotAuthenticationOptions>(configuration, BotAuthenticationOptions.Section);
        services.AddSettings<ConnectorOptions>(configuration, ConnectorOptions.Section);
        services.AddChatOpsMetrics();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, AuthenticationStartupCheck>();
        services.AddSingleton<IValidateOptions<ConnectorOptions>, ConnectorStartupCheck>();

        services.AddHttpClient(nameof(OpenIdKeySource), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(nameof(ConnectorTokens), c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ActivityAuthenticator>();
        services.AddSingleton<ActivityReader>();
        services.AddScoped<ActivityPipeline>();

        services.AddSingleton<ServiceUrls>();
        services.AddSingleton<ConnectorTokens>();
        services.AddSingleton<ConversationRateLimiter>();
        services.AddSingleton(sp => new ConnectorBackoff(sp.GetRequiredService<IOptions<ConnectorOptions>>(), sp.GetRequiredService<TimeProvider>(), Random.Shared));
        services.AddTransient<ConnectorRetryHandler>();
        services.AddTransient<RateLimitHandler>();
        services.AddTransient<ConnectorTimeoutHandler>();
        services.AddTransient<ConnectorAuthHandler>();
        // Outermost first: each retry queues for a rate slot again, then gets its own timeout and a fresh token.
        // No client timeout: queueing and retries may take long; ConnectorTimeoutHandler bounds each attempt.
        services.AddHttpClient<IConnectorClient, ConnectorClient>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<ConnectorRetryHandler>()
            .AddHttpMessageHandler<RateLimitHandler>()
            .AddHttpMessageHandler<ConnectorTimeoutHandler>()
            .AddHttpMessageHandler<ConnectorAuthHandler>();
        return services;
    }
}
