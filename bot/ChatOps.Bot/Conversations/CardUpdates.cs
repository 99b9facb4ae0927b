using System.Threading.Channels;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Connector;

namespace ChatOps.Bot.Conversations;

/// <summary>
/// Updates a posted card for everyone after the clicker has been answered: the clicker gets the new card in the
/// invoke answer at once, and the PUT waits its turn under Teams' rate limits without holding the click up.
/// On shutdown the queue is drained for a few seconds; a card that misses its update catches up on the next change.
/// </summary>
internal sealed class CardUpdates(IServiceScopeFactory scopes, ILogger<CardUpdates> log) : BackgroundService
{
    private static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(10);
    private readonly Channel<CardUpdate> _queue = Channel.CreateBounded<CardUpdate>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(Uri serviceUrl, string conversationId, string activityId, Activity card) =>
        _queue.Writer.TryWrite(new CardUpdate(serviceUrl, conversationId, activityId, card));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var drain = new CancellationTokenSource();
        await using var stopping = stoppingToken.Register(() => { _queue.Writer.TryComplete(); drain.CancelAfter(DrainOnStop); });
        await foreach (var update in _queue.Reader.ReadAllAsync(drain.Token).WithCancellation(drain.Token).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var connector = scope.ServiceProvider.GetRequiredService<IConnectorClient>();
                await connector.UpdateAsync(update.ServiceUrl, update.ConversationId, update.ActivityId, update.Card, drain.Token);
            }
            catch (Exception e) when (e is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
            {
                log.LogWarning(e, "Could not update card {ActivityId} in {ConversationId} for everyone", update.ActivityId, update.ConversationId);
            }
        }
    }

    private sealed record CardUpdate(Uri ServiceUrl, string ConversationId, string ActivityId, Activity Card);
}
