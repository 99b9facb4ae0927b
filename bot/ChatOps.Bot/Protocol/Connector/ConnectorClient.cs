using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using ChatOps.Bot.Protocol.Activities;

namespace ChatOps.Bot.Protocol.Connector;

/// <summary>Plain REST over a typed HttpClient; tokens, rate limits and retries live in its message handlers.</summary>
internal sealed class ConnectorClient(HttpClient http) : IConnectorClient
{
    public Task<ResourceResponse> SendAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        SendJsonAsync(HttpMethod.Post, serviceUrl, conversationId, $"v3/conversations/{Escape(conversationId)}/activities", activity, ct);

    public Task<ResourceResponse> ReplyAsync(Uri serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct) =>
        SendJsonAsync(HttpMethod.Post, serviceUrl, conversationId, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity, ct);

    public Task<ResourceResponse> UpdateAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        SendJsonAsync(HttpMethod.Put, serviceUrl, conversationId, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, ct);

    public async Task DeleteAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Delete, serviceUrl, conversationId, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        using var response = await http.SendAsync(request, ct);
        await ConnectorException.ThrowIfFailedAsync(response, ct);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, serviceUrl, conversationId: null, "v3/conversations");
        request.Content = JsonContent.Create(parameters, ActivityJson.Wire.ConversationParameters);
        return await ReadAsync(request, ActivityJson.Wire.ConversationResourceResponse, ct) ?? new ConversationResourceResponse(null, null, null);
    }

    public async Task<IReadOnlyList<ChannelAccount>> GetMembersAsync(Uri serviceUrl, string conversationId, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, serviceUrl, conversationId, $"v3/conversations/{Escape(conversationId)}/members");
        return await ReadAsync(request, ActivityJson.Wire.IReadOnlyListChannelAccount, ct) ?? [];
    }

    private async Task<ResourceResponse> SendJsonAsync(HttpMethod method, Uri serviceUrl, string conversationId, string path, Activity activity, CancellationToken ct)
    {
        using var request = Request(method, serviceUrl, conversationId, path);
        request.Content = JsonContent.Create(activity, ActivityJson.Wire.Activity);
        return await ReadAsync(request, ActivityJson.Wire.ResourceResponse, ct) ?? new ResourceResponse(null);
    }

    private async Task<T?> ReadAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken ct)
    {
        using var response = await http.SendAsync(request, ct);
        await ConnectorException.ThrowIfFailedAsync(response, ct);
        // 202 Accepted carries no body (the Playground splits text plus cards and answers 202).
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        return body.Length == 0 ? default : System.Text.Json.JsonSerializer.Deserialize(body, type);
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri serviceUrl, string? conversationId, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(ServiceUrls.WithTrailingSlash(serviceUrl), path));
        request.Options.Set(ConnectorRequest.ConversationId, conversationId);
        return request;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}

/// <summary>What the connector handlers read off a request.</summary>
internal static class ConnectorRequest
{
    public static readonly HttpRequestOptionsKey<string?> ConversationId = new("chatops.conversationId");
}
