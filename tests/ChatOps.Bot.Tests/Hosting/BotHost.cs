using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ChatOps.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace ChatOps.Bot.Tests.Hosting;

/// <summary>
/// The real bot on real Kestrel with auth on, a loopback OpenID issuer, a recording fake Bot
/// Connector, and Azurite behind its tables (a fresh table prefix per host).
/// </summary>
public sealed class BotHost : IAsyncLifetime, IAsyncDisposable
{
    public const string AppId = "4f1e5d3c-bot-app-id";
    public const string StorageConnection = "UseDevelopmentStorage=true";
    private WebApplicationFactory<Program> _factory = null!;

    public FakeOpenIdIssuer Issuer { get; private set; } = null!;
    public FakeBotConnector Connector { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;
    public string TablePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Settings a test class may change before start.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Another host's fake connector to use (and leave running): a restarted bot reaches the channels the first one opened.</summary>
    public FakeBotConnector? SharedConnector { get; init; }

    /// <summary>Services a test fixture replaces before start (e.g. a FakeTimeProvider).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? TestServices { get; set; }

    public async Task InitializeAsync()
    {
        Issuer = await FakeOpenIdIssuer.StartAsync();
        Connector = SharedConnector ?? await FakeBotConnector.StartAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            foreach (var (key, value) in DefaultSettings().Concat(Settings))
                b.UseSetting(key, value);
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            if (TestServices is { } replace)
                b.ConfigureServices(replace);
        });
        _factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        Client = _factory.CreateClient();
    }

    private Dictionary<string, string?> DefaultSettings() => new()
    {
        ["Bot:AppId"] = AppId,
        ["Bot:Authentication:Enabled"] = "true",
        ["Bot:Authentication:OpenIdMetadataUrl"] = Issuer.MetadataUrl.AbsoluteUri,
        ["Bot:Authentication:UnknownKeyRefreshInterval"] = "00:00:00",
        ["Bot:Authentication:Emulator:OpenIdMetadataUrl"] = Issuer.MetadataUrl.AbsoluteUri,
        ["Bot:Connector:Credential"] = "None",
        ["Bot:Connector:TrustedServiceUrls:0"] = Connector.ServiceUrl,
        ["Storage:ConnectionString"] = StorageConnection,
        ["Storage:TablePrefix"] = TablePrefix,
    };

    public string ValidToken(string? serviceUrl = null) =>
        Issuer.CreateToken(new TokenSpec(AppId, serviceUrl ?? Connector.ServiceUrl, TimeProvider.System.GetUtcNow()));

    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string? token = "valid") =>
        PostRawAsync(activity.ToJsonString(), token == "valid" ? ValidToken() : token);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? token) =>
        PostContentAsync(new StringContent(body, Encoding.UTF8, "application/json"), token);

    /// <summary>Posts any content (bytes, a stream sent chunked, another media type); the request disposes it.</summary>
    public async Task<HttpResponseMessage> PostContentAsync(HttpContent content, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request);
    }

    /// <summary>Whether the bot recorded the activity as taken in (its de-duplication row).</summary>
    public async Task<bool> WasRecordedAsync(string activityId)
    {
        var table = new TableClient(StorageConnection, TablePrefix + "activities");
        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(e => e.GetString("ActivityId") == activityId))
                return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
        }
        return false;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Issuer.DisposeAsync();
        if (SharedConnector is null)
            await Connector.DisposeAsync();
    }
}
