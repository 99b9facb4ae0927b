using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace ChatOps.Acceptance.Tests.Playground;

/// <summary>
/// Drives the Playground the way its web UI does: posts as the user over HTTP, reads what the bot posted
/// from the conversation websocket and what the bot answered from the log websocket.
/// </summary>
internal sealed class PlaygroundClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(ClientWebSocket Socket, Task Receiving)> _sockets = [];

    private PlaygroundClient(Uri baseUri)
    {
        _baseUri = baseUri;
        _http = new HttpClient { BaseAddress = baseUri, Timeout = Timeout };
    }

    public EventLog<PlaygroundMessage> Messages { get; } = new("conversation");

    public EventLog<PlaygroundExchange> Exchanges { get; } = new("log");

    public PlaygroundTenant Tenant { get; private set; } = null!;

    /// <summary>Connects both websockets first: the Playground buffers events only while no client is connected.</summary>
    public static async Task<PlaygroundClient> ConnectAsync(Uri baseUri)
    {
        var client = new PlaygroundClient(baseUri);
        await client.ListenAsync("_ws_conversation/v1/conversations/stream", e =>
        {
            if (PlaygroundMessage.Parse(e) is { } message)
                client.Messages.Add(message);
        }, client.Messages.Fail);
        await client.ListenAsync("_ws/log/stream", e =>
        {
            if (PlaygroundExchange.Parse(e) is { } exchange)
                client.Exchanges.Add(exchange);
        }, client.Exchanges.Fail);
        using var config = await client.GetJsonAsync("_internal/v1/testConfig");
        client.Tenant = PlaygroundTenant.From(config.RootElement.GetProperty("config"));
        return client;
    }

    /// <summary>Where the next wait starts: tests share one Playground, so each looks only at what came after its own action.</summary>
    public Mark Mark() => new(Messages.Count, Exchanges.Count);

    public Task<JsonElement> SendAsync(string conversationId, string text, params object[] mentions) =>
        PostAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages",
            new { from = new { id = Tenant.UserId }, text, textFormat = "plain", mentions });

    /// <summary>Clicks an Action.Execute on a card; the answer is the bot's invoke response as the Playground relays it.</summary>
    public Task<JsonElement> ExecuteAsync(string conversationId, string cardMessageId, string title, string verb, object data) =>
        ExecuteAsAsync(Tenant.UserId, conversationId, cardMessageId, title, verb, data);

    /// <summary>The same click by another of the mock tenant's users (the Playground passes <c>from</c> through on invokes).</summary>
    public Task<JsonElement> ExecuteAsAsync(string userId, string conversationId, string cardMessageId, string title, string verb, object data) =>
        PostAsync("_conversation/v1/invoke", new
        {
            name = "adaptiveCard/action",
            value = new { action = new { type = "Action.Execute", title, verb, data } },
            from = new { id = userId },
            conversation = new { id = conversationId },
            replyToId = cardMessageId,
        });

    /// <summary>What the UI does the first time it shows a conversation: installationUpdate and conversationUpdate, concurrently.</summary>
    public async Task InstallAsync(string conversationId)
    {
        using var response = await _http.PostAsJsonAsync($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new { });
        await EnsureSuccessAsync(response);
    }

    public Task<PlaygroundMessage> WaitForMessageAsync(Mark since, string what, Func<PlaygroundMessage, bool> match) =>
        Messages.WaitAsync(since.Messages, what, match, Timeout,
            () => $"Exchanges since the mark:{Environment.NewLine}{string.Join(Environment.NewLine, Exchanges.Since(since.Exchanges))}");

    /// <summary>Waits until the bot has answered the HTTP POST of an activity the Playground sent it.</summary>
    public Task<PlaygroundExchange> WaitForBotAnswerAsync(Mark since, string activityName, string conversationId) =>
        Exchanges.WaitAsync(since.Exchanges, $"answer from the bot to {activityName} in {conversationId}",
            x => x.IsToBot && x.ActivityName == activityName && x.ConversationId == conversationId && x.StatusCode is not null, Timeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var (socket, receiving) in _sockets)
        {
            await receiving.ContinueWith(_ => { }, TaskScheduler.Default);
            socket.Dispose();
        }
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(path, body);
        await EnsureSuccessAsync(response);
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
            return default;
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        await EnsureSuccessAsync(response);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task ListenAsync(string path, Action<JsonElement> onEvent, Action<Exception> fail)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{_baseUri.Authority}/{path}"), _stop.Token);
        _sockets.Add((socket, ReceiveAsync(socket, onEvent, fail)));
    }

    private async Task ReceiveAsync(ClientWebSocket socket, Action<JsonElement> onEvent, Action<Exception> fail)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    throw new WebSocketException("the Playground closed the websocket");
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                using (var json = JsonDocument.Parse(message.ToArray()))
                    onEvent(json.RootElement.Clone());
                message.SetLength(0);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception e) when (e is WebSocketException or JsonException)
        {
            fail(e);
        }
    }
}

/// <summary>Where two reads of the websocket streams start.</summary>
internal readonly record struct Mark(int Messages, int Exchanges);
