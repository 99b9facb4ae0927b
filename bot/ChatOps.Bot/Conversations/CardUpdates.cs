using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Connector;

namespace ChatOps.Bot.Conversations;

/// <summary>
/// Updates a posted card for everyone after the clicker has been answered: the clicker gets the new card in the
/// invoke answer at once, and the PUT waits its turn under Teams' rate limits without holding the click up.
/// Only a card's latest content waits: a newer update of a card not yet sent replaces the older one, so clicks faster
/// than Teams lets us update (30 requests/s per app) neither queue up in memory nor show the channel a stale card.
/// On shutdown the queue is drained for a few seconds; a card that misses its update catches up on the next change.
/// </summary>
internal sealed class CardUpdates(IServiceScopeFactory scopes, ILogger<CardUpdates> log) : BackgroundService
{
    private static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(10);

    /// <summary>The cards waiting, by conversation and message, each once however often it changed.</summary>
    private readonly Channel<(string ConversationId, string ActivityId)> _queue = Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The latest content of each waiting card.</summary>
    private readonly ConcurrentDictionary<(string ConversationId, string ActivityId), CardUpdate> _latest = new();

    /// <summary>Cards waiting for their update now.</summary>
    public int Waiting => _latest.Count;

    public void Enqueue(Uri serviceUrl, string conversationId, string activityId, Activity card)
    {
        var key = (conversationId, activityId);
        var update = new CardUpdate(serviceUrl, conversationId, activityId, card);
        while (true)
        {
            if (_latest.TryAdd(key, update))
            {
                _queue.Writer.TryWrite(key);
                return;
            }
            // Still waiting: replace its content (if it was just taken for sending, add it again and queue it anew).
            if (_latest.TryGetValue(key, out var waiting) && _latest.TryUpdate(key, update, waiting))
                return;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var drain = new CancellationTokenSource();
        await using var stopping = stoppingToken.Register(() => { _queue.Writer.TryComplete(); drain.CancelAfter(DrainOnStop); });
        await foreach (var key in _queue.Reader.ReadAllAsync(drain.Token).WithCancellation(drain.Token).ConfigureAwait(false))
        {
            if (!_latest.TryRemove(key, out var update))
                continue;
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
