using System.Globalization;
using System.Threading.Channels;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Cards.Resources;
using ChatOps.Incidents.Clients;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Teams;

/// <summary>
/// Warns the provider when a client's team nears Teams' 1,000 channels per team, deleted ones counting for 30 days
/// (https://learn.microsoft.com/microsoftteams/limits-specifications-teams#teams-and-channels): past the limit, an incident
/// gets no channel. The count runs here, after the declaring turn, so a slow or failing Graph never holds a declaration up.
/// A count lost to a restart is only a warning missed; the next declaration counts again.
/// </summary>
internal sealed class ChannelLimitWatch(IServiceScopeFactory scopes, IOptions<GraphOptions> options, ILogger<ChannelLimitWatch> log) : BackgroundService
{
    public const int TeamsLimit = 1000;
    private readonly Channel<Count> _queue = Channel.CreateBounded<Count>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Counts the client's team once a channel has been opened in it; the warning goes to the declaring conversation, in the declarer's language.</summary>
    public void Watch(Client client, Uri serviceUrl, string? conversationId, CultureInfo language)
    {
        // A client with a configured channel gets threads, not channels.
        if (client.IncidentChannelId is null)
            _queue.Writer.TryWrite(new Count(client, serviceUrl, conversationId, language));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var count in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await CountAsync(count, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning(e, "Could not count the channels of team {Team} of client {Client}", count.Client.TeamId, count.Client.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CountAsync(Count count, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var channels = await scope.ServiceProvider.GetRequiredService<GraphChannelCount>().CountAsync(count.Client.TeamId, ct);
        if (channels < options.Value.ChannelWarningThreshold)
            return;
        log.LogWarning("Team {Team} of client {Client} has {Channels} of the {Limit} channels Teams allows (deleted ones count for 30 days)",
            count.Client.TeamId, count.Client.Id, channels, TeamsLimit);
        if (count.ConversationId is null)
            return;
        await scope.ServiceProvider.GetRequiredService<IConnectorClient>().SendAsync(count.ServiceUrl, count.ConversationId, new Activity
        {
            Type = ActivityTypes.Message,
            Text = CardText.Format("Channel.LimitWarning", count.Language, count.Client.Name, channels),
            TextFormat = "plain",
            Locale = count.Language.Name,
        }, ct);
    }

    private sealed record Count(Client Client, Uri ServiceUrl, string? ConversationId, CultureInfo Language);
}
