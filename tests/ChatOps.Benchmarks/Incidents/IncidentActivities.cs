using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Benchmarks.Load;
using ChatOps.Testing;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>
/// Signed Teams activities from Alex (a contoso responder): a one-line declare in a personal chat, a checklist
/// click, an @mention note in an incident's thread. One channel token, renewed long before it expires.
/// </summary>
internal sealed class IncidentActivities(FakeOpenIdIssuer issuer, string serviceUrl, string runTag, TimeProvider time)
{
    public const string Alex = "00000000-0000-0000-0000-0000000000020";
    public const string PersonalConversation = "a:1bench-incidents-personal-Zq8x3kVd0tq1Nf9hYk2pW";
    private const string TenantId = "00000000-0000-0000-0000-0000000000001";
    private static readonly TimeSpan TokenLife = TimeSpan.FromMinutes(10);
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly Lock _tokenLock = new();
    private string? _token;
    private long _tokenAt;
    private long _sequence;

    public string NextId() => $"f:{runTag}{Interlocked.Increment(ref _sequence):D10}";

    /// <summary>Each from its own personal chat: Teams allows a conversation only 60 sends per 30 s, and one person does not declare twice a second.</summary>
    public HttpRequestMessage Declare(Uri endpoint, string id, string title)
    {
        var activity = Message(id, $"declare P2 webshell client=contoso \"{title}\"");
        activity["conversation"]!["id"] = $"{PersonalConversation}-{id[2..]}";
        return Request(endpoint, activity);
    }

    /// <param name="revision">The point's revision the clicked card was drawn at (none: a card drawn before revisions, from only).</param>
    public HttpRequestMessage Click(Uri endpoint, string incidentId, string pointId, string from, string to, int? revision = null)
    {
        var data = new JsonObject { ["verb"] = "checklist.set", ["incidentId"] = incidentId, ["pointId"] = pointId, ["from"] = from, ["to"] = to };
        if (revision is { } r)
            data["revision"] = r;
        var activity = Message(NextId(), null);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "1795374020137";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Go", ["verb"] = "checklist.set", ["data"] = data },
            ["trigger"] = "manual",
        };
        return Request(endpoint, activity);
    }

    /// <summary>"@ChatOps note …" in the incident's thread: recorded as a message, then as a note.</summary>
    public HttpRequestMessage Note(Uri endpoint, string threadId, string text)
    {
        var bot = "28:" + SignedActivities.AppId;
        var activity = Message(NextId(), $"<at>ChatOps</at> note {text}");
        activity["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TenantId, ["id"] = threadId };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId }, ["team"] = new JsonObject { ["id"] = "team-id" }, ["channel"] = new JsonObject { ["id"] = "team-id" },
        };
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>ChatOps</at>", ["mentioned"] = new JsonObject { ["id"] = bot, ["name"] = "ChatOps" } });
        return Request(endpoint, activity);
    }

    private JsonObject Message(string id, string? text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:" + Alex, ["name"] = "Alex Wilber", ["aadObjectId"] = Alex },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = PersonalConversation },
            ["recipient"] = new JsonObject { ["id"] = "28:" + SignedActivities.AppId, ["name"] = "ChatOps" },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "en-US",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
        if (text is null)
            activity.Remove("text");
        return activity;
    }

    private HttpRequestMessage Request(Uri endpoint, JsonObject activity)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        content.Headers.ContentType = Json;
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        return request;
    }

    private string Token()
    {
        lock (_tokenLock)
        {
            if (_token is null || Stopwatch.GetElapsedTime(_tokenAt) > TokenLife)
            {
                _token = issuer.CreateToken(new TokenSpec(SignedActivities.AppId, serviceUrl, time.GetUtcNow()));
                _tokenAt = Stopwatch.GetTimestamp();
            }
            return _token;
        }
    }
}
