using ChatOps.Bot.Conversations;
using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Bot.Tests.Conversations;

/// <summary>The card updates behind the clicks: while Teams is slow, only each card's latest content waits.</summary>
public sealed class CardUpdatesTests
{
    private static readonly Uri ServiceUrl = new("https://smba.trafficmanager.net/emea/");

    [Fact]
    public async Task Updates_of_a_card_made_while_it_waits_replace_each_other_and_the_card_gets_the_latest()
    {
        var teams = new SlowTeams();
        using var provider = new ServiceCollection().AddSingleton<IConnectorClient>(teams).BuildServiceProvider();
        using var updates = new CardUpdates(provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<CardUpdates>.Instance);
        await updates.StartAsync(default);

        updates.Enqueue(ServiceUrl, "19:thread", "checklist", Card("1"));
        await teams.FirstCallArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var n = 2; n <= 500; n++)
            updates.Enqueue(ServiceUrl, "19:thread", "checklist", Card(n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        updates.Enqueue(ServiceUrl, "19:other", "incident", Card("other"));
        var waiting = updates.Waiting;
        teams.Answer.SetResult();
        await teams.WaitForAsync(3);
        await updates.StopAsync(default);

        Assert.Equal(2, waiting);
        Assert.Equal(["checklist 1", "checklist 500", "incident other"], teams.Calls);
    }

    private static Activity Card(string text) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>Holds every update until the test answers, as a throttled Teams does; records which card got which content.</summary>
    private sealed class SlowTeams : IConnectorClient
    {
        private readonly List<string> _calls = [];

        public TaskCompletionSource FirstCallArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<string> Calls
        {
            get
            {
                lock (_calls)
                    return [.. _calls];
            }
        }

        public async Task<ResourceResponse> UpdateAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct)
        {
            lock (_calls)
                _calls.Add($"{activityId} {activity.Text}");
            FirstCallArrived.TrySetResult();
            await Answer.Task.WaitAsync(ct);
            return new ResourceResponse(activityId);
        }

        public async Task WaitForAsync(int calls)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (Calls.Count < calls)
                await Task.Delay(10, timeout.Token);
        }

        public Task<ResourceResponse> SendAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken ct) => throw new NotSupportedException();

        public Task<ResourceResponse> ReplyAsync(Uri serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct) => throw new NotSupportedException();

        public Task DeleteAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken ct) => throw new NotSupportedException();

        public Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<ChannelAccount>> GetMembersAsync(Uri serviceUrl, string conversationId, CancellationToken ct) => throw new NotSupportedException();
    }
}
