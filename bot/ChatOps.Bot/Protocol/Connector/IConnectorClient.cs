using ChatOps.Bot.Protocol.Activities;

namespace ChatOps.Bot.Protocol.Connector;

/// <summary>The Bot Connector REST API (v3) under an activity's service URL.</summary>
public interface IConnectorClient
{
    Task<ResourceResponse> SendAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken ct);

    Task<ResourceResponse> ReplyAsync(Uri serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct);

    Task<ResourceResponse> UpdateAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct);

    Task DeleteAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken ct);

    Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken ct);

    Task<IReadOnlyList<ChannelAccount>> GetMembersAsync(Uri serviceUrl, string conversationId, CancellationToken ct);
}
