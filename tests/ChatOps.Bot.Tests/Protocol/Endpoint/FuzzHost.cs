using System.Net.Http.Headers;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Tests.Approvals;
using ChatOps.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.Bot.Tests.Protocol.Endpoint;

/// <summary>What the fuzzed activities point at: a declared incident in its thread with a pending request APR-01.</summary>
public sealed record FuzzScene(string ServiceUrl, string IncidentId, string Thread, string ApprovalHash);

/// <summary>
/// One bot for a whole fuzz run: auth on, Azurite, its logs captured, and Teams' rate limits off (thousands of turns in
/// a few conversations would otherwise queue for minutes; the limits have their own tests).
/// </summary>
public sealed class FuzzHost : IAsyncLifetime
{
    private static readonly TimeSpan TokenReuse = TimeSpan.FromMinutes(20);
    private readonly Lock _tokenLock = new();
    private string? _token;
    private DateTimeOffset _signed;

    public BotHost Host { get; } = new();
    public LogCapture Logs { get; } = new();
    public FuzzScene Scene { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host.TestServices = services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b =>
            {
                foreach (var limiter in b.AdditionalHandlers.OfType<RateLimitHandler>().ToList())
                    b.AdditionalHandlers.Remove(limiter);
            }));
        };
        await Host.InitializeAsync();
        var approvals = new ApprovalHost(Host);
        var (id, thread) = await approvals.OpenAsync("Fuzzed");
        await approvals.SubmitAsync(id, "CP-09");
        var hash = (await approvals.Store.GetAsync(id, default))!.Incident.FindApproval("APR-01")!.ProposalHash;
        Scene = new FuzzScene(Host.Connector.ServiceUrl, id, thread, hash);
    }

    /// <summary>
    /// Posts raw bytes as Teams would, with a valid token for the scene's service URL: an activity that names another one
    /// is refused (401), as Teams' token vouches for its own service URL only.
    /// </summary>
    public async Task<(int Status, string Body)> PostAsync(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Host.PostContentAsync(content, Token());
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private string Token()
    {
        var now = TimeProvider.System.GetUtcNow();
        lock (_tokenLock)
        {
            if (_token is null || now - _signed > TokenReuse)
                (_token, _signed) = (Host.ValidToken(Scene.ServiceUrl), now);
            return _token;
        }
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}
