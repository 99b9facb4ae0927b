using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatOps.Testing;

namespace ChatOps.Benchmarks.Load;

/// <summary>
/// Teams-shaped activities in one personal chat, by default <c>message</c>s with text "help", each with a fresh id,
/// and one channel token for them all (Teams, too, reuses its token until it nears expiry): signed once, before any load.
/// </summary>
internal sealed class SignedActivities
{
    public const string AppId = "00000000-0000-0000-0000-00000000be0c";
    public const string ConversationId = "a:1bench-personal-conversation-Zq8x3kVd0tq1Nf9hYk2pW";
    public const string TenantId = "00000000-0000-0000-0000-000000000001";
    public const string IdPlaceholder = "@@ID@@";
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly byte[] _head;
    private readonly byte[] _tail;
    private readonly string _runTag;
    private readonly string _token;
    private long _sequence;

    /// <param name="template">The activity (serviceUrl, now) with <see cref="IdPlaceholder"/> as its id; by default the "help" message.</param>
    public SignedActivities(FakeOpenIdIssuer issuer, string serviceUrl, string runTag, TimeProvider time, Func<string, DateTimeOffset, object>? template = null)
    {
        ServiceUrl = serviceUrl;
        _runTag = runTag;
        _token = issuer.CreateToken(new TokenSpec(AppId, serviceUrl, time.GetUtcNow()));
        var json = JsonSerializer.Serialize((template ?? Template)(serviceUrl, time.GetUtcNow()));
        var at = json.IndexOf(IdPlaceholder, StringComparison.Ordinal);
        _head = Encoding.UTF8.GetBytes(json[..at]);
        _tail = Encoding.UTF8.GetBytes(json[(at + IdPlaceholder.Length)..]);
    }

    public string ServiceUrl { get; }

    public int TypicalBodyBytes => _head.Length + _tail.Length + _runTag.Length + 10;

    /// <summary>A POST to /api/messages with a never-used activity id.</summary>
    public HttpRequestMessage NextRequest(Uri endpoint) => NextRequest(endpoint, _token);

    /// <summary>The same with another bearer token (e.g. a forged one).</summary>
    public HttpRequestMessage NextRequest(Uri endpoint, string token)
    {
        var id = Encoding.UTF8.GetBytes($"{_runTag}{Interlocked.Increment(ref _sequence):D10}");
        var body = new byte[_head.Length + id.Length + _tail.Length];
        _head.CopyTo(body, 0);
        id.CopyTo(body, _head.Length);
        _tail.CopyTo(body, _head.Length + id.Length);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static object Template(string serviceUrl, DateTimeOffset now) => new
    {
        text = "help",
        textFormat = "plain",
        type = "message",
        timestamp = now,
        localTimestamp = now.ToOffset(TimeSpan.FromHours(8)),
        id = IdPlaceholder,
        channelId = "msteams",
        serviceUrl,
        from = new { id = "29:1benchUserId-kW3bq8Jd0x-aZ9fPq7Lm2Nn4Rr6Tt8Vv", name = "Alex Wilber", aadObjectId = "00000000-0000-0000-0000-000000000020" },
        conversation = new { conversationType = "personal", tenantId = TenantId, id = ConversationId },
        recipient = new { id = "28:" + AppId, name = "ChatOps" },
        entities = new object[] { new { locale = "en-US", country = "US", platform = "Web", timezone = "Asia/Shanghai", type = "clientInfo" } },
        channelData = new { tenant = new { id = TenantId } },
        locale = "en-US",
        localTimezone = "Asia/Shanghai",
    };
}
