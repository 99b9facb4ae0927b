using ChatOps.Bot.Protocol.Activities;
using ChatOps.Bot.Protocol.Connector;
using ChatOps.Bot.Protocol.Deduplication;
using ChatOps.Incidents.Clients;
using ChatOps.Incidents.Incidents;
using ChatOps.Incidents.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Activity = ChatOps.Bot.Protocol.Activities.Activity;

namespace ChatOps.Benchmarks.Incidents;

/// <summary>
/// Stopwatch decorators (benchmark DI only) around every port an incident turn awaits: storage, client
/// directory, connector; so a turn splits into table I/O, connector I/O and our own code.
/// </summary>
internal static class TimedServices
{
    public static void Instrument(IServiceCollection services, StageTimes clock)
    {
        Decorate<IIncidentStore>(services, inner => new TimedStore(inner, clock));
        Decorate<IProcessedActivities>(services, inner => new TimedProcessed(inner, clock));
        Decorate<IClientDirectory>(services, inner => new TimedClients(inner, clock));
        Decorate<IConnectorClient>(services, inner => new TimedConnector(inner, clock));
        services.AddSingleton<IStartupFilter>(new TimedRequests(clock));
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(T), sp => wrap((T)Create(original, sp)), original.Lifetime));
    }

    private static object Create(ServiceDescriptor d, IServiceProvider sp) =>
        d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!);

    private sealed class TimedRequests(StageTimes clock) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) => clock.TimeAsync(StageTimes.Request, () => inner(http)));
            next(app);
        };
    }

    private sealed class TimedStore(IIncidentStore inner, StageTimes clock) : IIncidentStore
    {
        public Task<string> NextIdAsync(int year, CancellationToken ct) => clock.TimeAsync("table: next id", () => inner.NextIdAsync(year, ct));

        public Task<string> IdForDeclarationAsync(string declarationId, int year, CancellationToken ct) =>
            clock.TimeAsync("table: id for declaration (get, counter, add)", () => inner.IdForDeclarationAsync(declarationId, year, ct));

        public Task BindConversationAsync(string conversationId, string incidentId, CancellationToken ct) =>
            clock.TimeAsync("table: bind conversation (upsert)", () => inner.BindConversationAsync(conversationId, incidentId, ct));

        public Task<string?> FindByConversationAsync(string conversationId, CancellationToken ct) =>
            clock.TimeAsync("table: find by conversation (get)", () => inner.FindByConversationAsync(conversationId, ct));

        public Task<StoredIncident> CreateAsync(Incident incident, IReadOnlyList<TimelineEvent> events, CancellationToken ct) =>
            clock.TimeAsync("table: create incident (batch)", () => inner.CreateAsync(incident, events, ct));

        public Task<StoredIncident?> GetAsync(string incidentId, CancellationToken ct) => clock.TimeAsync("table: get incident", () => inner.GetAsync(incidentId, ct));

        public Task<StoredIncident> SaveAsync(StoredIncident loaded, IReadOnlyList<TimelineEvent> events, CancellationToken ct) =>
            clock.TimeAsync("table: save incident (batch)", () => inner.SaveAsync(loaded, events, ct));

        public Task<IReadOnlyList<TimelineEvent>> ReadTimelineAsync(string incidentId, CancellationToken ct) =>
            clock.TimeAsync("table: read timeline", () => inner.ReadTimelineAsync(incidentId, ct));

        public IAsyncEnumerable<Incident> ListOpenAsync(CancellationToken ct) => inner.ListOpenAsync(ct);
    }

    private sealed class TimedProcessed(IProcessedActivities inner, StageTimes clock) : IProcessedActivities
    {
        public Task<ClaimResult> TryClaimAsync(Activity activity, CancellationToken ct) => clock.TimeAsync("table: de-dup claim (add)", () => inner.TryClaimAsync(activity, ct));

        public Task CompleteAsync(Activity activity, string? invokeResponseJson, CancellationToken ct) =>
            clock.TimeAsync("table: de-dup complete (upsert)", () => inner.CompleteAsync(activity, invokeResponseJson, ct));

        public Task ReleaseAsync(Activity activity, CancellationToken ct) => inner.ReleaseAsync(activity, ct);
    }

    private sealed class TimedClients(IClientDirectory inner, StageTimes clock) : IClientDirectory
    {
        public Task<Client?> FindAsync(string clientId, CancellationToken ct) => clock.TimeAsync("clients: find", () => inner.FindAsync(clientId, ct));

        public Task<IReadOnlyList<Client>> ListAsync(CancellationToken ct) => clock.TimeAsync("clients: list", () => inner.ListAsync(ct));

        public Task UpsertAsync(Client client, CancellationToken ct) => inner.UpsertAsync(client, ct);
    }

    private sealed class TimedConnector(IConnectorClient inner, StageTimes clock) : IConnectorClient
    {
        public Task<ResourceResponse> SendAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
            clock.TimeAsync("connector: POST activity", () => inner.SendAsync(serviceUrl, conversationId, activity, ct));

        public Task<ResourceResponse> ReplyAsync(Uri serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct) =>
            clock.TimeAsync("connector: POST reply", () => inner.ReplyAsync(serviceUrl, conversationId, replyToId, activity, ct));

        public Task<ResourceResponse> UpdateAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
            clock.TimeAsync("connector: PUT activity (card update)", () => inner.UpdateAsync(serviceUrl, conversationId, activityId, activity, ct));

        public Task DeleteAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken ct) => inner.DeleteAsync(serviceUrl, conversationId, activityId, ct);

        public Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken ct) =>
            clock.TimeAsync("connector: POST v3/conversations (thread)", () => inner.CreateConversationAsync(serviceUrl, parameters, ct));

        public Task<IReadOnlyList<ChannelAccount>> GetMembersAsync(Uri serviceUrl, string conversationId, CancellationToken ct) =>
            inner.GetMembersAsync(serviceUrl, conversationId, ct);
    }
}
